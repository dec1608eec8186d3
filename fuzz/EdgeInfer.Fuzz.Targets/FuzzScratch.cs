namespace EdgeInfer.Fuzz.Targets;

/// <summary>A folder for the files the file-based parsers need, one per process, removed when the process exits.</summary>
internal static class FuzzScratch
{
    private static readonly Lazy<string> Folder = new(Create);

    /// <summary>A path in this process's scratch folder.</summary>
    public static string PathOf(string fileName) => Path.Combine(Folder.Value, fileName);

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("edgeinfer-fuzz-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }
}
