using System.Text.Json;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

/// <summary>Compares whole scenarios by value (records holding lists compare those by reference, so through their JSON).</summary>
internal static class ScenarioAssert
{
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = true, WriteIndented = true };

    public static void Same(CellScenario expected, CellScenario actual) => Assert.Equal(Json(expected), Json(actual));

    public static string Json(CellScenario scenario) => JsonSerializer.Serialize(scenario, Options);

    /// <summary>Asserts that parsing <paramref name="json"/> reports <paramref name="expected"/> (among its problems).</summary>
    public static void Reports(string json, string expected, IScenarioFiles? files = null) =>
        Assert.Contains(expected, Problems(json, files), StringComparison.Ordinal);

    /// <summary>The message of the input exception <paramref name="json"/> raises.</summary>
    public static string Problems(string json, IScenarioFiles? files = null) =>
        Assert.Throws<Core.EdgeInferInputException>(() => CellScenarioJson.Parse(json, files)).Message;
}
