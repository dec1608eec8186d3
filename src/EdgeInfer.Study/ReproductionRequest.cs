using EdgeInfer.Study.Config;

namespace EdgeInfer.Study;

/// <summary>One <c>reproduce</c> run: the config, where to write, and whether to remeasure.</summary>
/// <param name="Config">The study config (validated by the run).</param>
/// <param name="Preset">Name of the preset the config started from.</param>
/// <param name="OutputFolder">Results folder (created): run.json, report.md, measurements.json, figures/, cache/.</param>
/// <param name="Fresh">Ignore the cache and measure everything again.</param>
/// <param name="ConfigPath">The config file the user gave, if any (recorded in run.json).</param>
public sealed record ReproductionRequest(StudyConfig Config, string Preset, string OutputFolder, bool Fresh, string? ConfigPath = null);
