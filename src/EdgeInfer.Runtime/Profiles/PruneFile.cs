namespace EdgeInfer.Runtime.Profiles;

/// <summary>Prunes the model file <paramref name="inputPath"/> into <paramref name="outputPath"/> (file to file, end to end); the profiler times it.</summary>
public delegate void PruneFile(string inputPath, string outputPath, CancellationToken cancellationToken);
