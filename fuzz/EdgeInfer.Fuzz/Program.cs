using EdgeInfer.Fuzz.Targets;
using SharpFuzz;

// `EdgeInfer.Fuzz TARGET`: the AFL++ fork server (SharpFuzz), one input per run from afl-fuzz (scripts/fuzz.sh).
// `EdgeInfer.Fuzz TARGET FILE...`: replays the files once each and says which one fails (triage of a crash).
if (args.Length == 0)
{
    Console.Error.WriteLine($"usage: EdgeInfer.Fuzz TARGET [FILE...]; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}

if (args[0] == "--write-seeds")
{
    // `EdgeInfer.Fuzz --write-seeds CORPUS_ROOT [REPOSITORY_ROOT]`: the seed corpora, from the project's own writers.
    SeedCorpus.Write(args[1], args.Length > 2 ? args[2] : ".");
    return 0;
}

var target = FuzzTargets.Find(args[0]);
if (args.Length > 1)
{
    foreach (var file in args[1..])
    {
        Console.WriteLine(file);
        target.Run(File.ReadAllBytes(file));
    }

    return 0;
}

Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
