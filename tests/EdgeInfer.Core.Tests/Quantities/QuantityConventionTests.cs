using System.Reflection;
using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Tests.Quantities;

/// <summary>Convention tests by reflection: every quantity is an immutable value type that names its unit and rejects NaN.</summary>
public sealed class QuantityConventionTests
{
    private static readonly Type[] Quantities = typeof(Bytes).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(Bytes).Namespace && t.IsPublic && t.IsValueType)
        .ToArray();

    [Fact]
    public void Quantities_All_AreReadonlyStructs()
    {
        Assert.True(Quantities.Length >= 10, $"found {Quantities.Length} quantities");
        Assert.All(Quantities, t => Assert.True(t.GetCustomAttributes().Any(a => a.GetType().Name == "IsReadOnlyAttribute"), t.Name + " is not readonly"));
    }

    [Fact]
    public void Quantities_WithDoubleConstructor_RejectNaN()
    {
        foreach (var type in Quantities)
        {
            if (type.GetConstructor([typeof(double)]) is not { } ctor)
            {
                continue;
            }

            var ex = Assert.Throws<TargetInvocationException>(() => ctor.Invoke([double.NaN]));
            Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
        }
    }

    [Fact]
    public void Quantities_ToString_ShowsUnit() =>
        Assert.Equal(["1 B", "1 s", "1 W", "1 J", "1 Wh", "1 bit/s", "1 Hz", "1 m", "1 dB", "1 dBm"], new object[]
        {
            new Bytes(1), new Seconds(1), new Watts(1), new Joules(1), new WattHours(1),
            new BitsPerSecond(1), new Hertz(1), new Meters(1), new Decibels(1), new DecibelMilliwatts(1),
        }.Select(q => q.ToString()));
}
