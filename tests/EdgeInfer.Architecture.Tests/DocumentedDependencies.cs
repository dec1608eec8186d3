namespace EdgeInfer.Architecture.Tests;

/// <summary>
/// The one-way chain of project references as <c>docs/ARCHITECTURE.md</c> states it, in its fenced block tagged
/// <c>dependencies</c>: one line per project, <c>Project: Allowed, Allowed</c> (names without <c>EdgeInfer.</c>),
/// <c>#</c> starts a comment. The doc is the single source, so the doc and this test cannot drift apart.
/// </summary>
internal sealed class DocumentedDependencies
{
    private const string Fence = "```";

    private DocumentedDependencies(IReadOnlyDictionary<string, IReadOnlyList<string>> allowed) => Allowed = allowed;

    /// <summary>Each project and the projects it may reference directly.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Allowed { get; }

    /// <summary>Reads the block of <c>docs/ARCHITECTURE.md</c>.</summary>
    public static DocumentedDependencies Read() => Parse(File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "docs", "ARCHITECTURE.md")));

    /// <summary>Parses the block out of the lines of a Markdown document.</summary>
    /// <exception cref="FormatException">No block, a malformed line, or a project listed twice.</exception>
    public static DocumentedDependencies Parse(IReadOnlyList<string> lines)
    {
        var start = Enumerable.Range(0, lines.Count).FirstOrDefault(i => lines[i].Trim() == Fence + "dependencies", -1);
        if (start < 0)
        {
            throw new FormatException("docs/ARCHITECTURE.md has no ```dependencies block.");
        }

        var allowed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var raw in lines.Skip(start + 1).TakeWhile(l => l.Trim() != Fence))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"'{raw}' is not 'Project: Allowed, Allowed'.");
            }

            var project = line[..colon].Trim();
            var targets = line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!allowed.TryAdd(project, targets))
            {
                throw new FormatException($"'{project}' is listed twice.");
            }
        }

        return new DocumentedDependencies(allowed);
    }

    /// <summary>Everything <paramref name="project"/> may reference: what it names, and what those may reference, transitively.</summary>
    public IReadOnlySet<string> Reachable(string project) => Reachable(Allowed, project);

    /// <summary>
    /// Every reference in <paramref name="references"/> (project → the projects it references) against this chain: a
    /// project the chain does not list, a project the chain lists that does not exist, a reference the chain does not
    /// allow (directly or through the projects it names), and a chain that is not one-way. Empty when all is well.
    /// </summary>
    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, IReadOnlyList<string>> references)
    {
        var problems = new List<string>();
        problems.AddRange(references.Keys.Where(p => !Allowed.ContainsKey(p)).Order(StringComparer.Ordinal)
            .Select(p => $"src/EdgeInfer.{p} is not in the dependencies block of docs/ARCHITECTURE.md"));
        problems.AddRange(Allowed.Keys.Where(p => !references.ContainsKey(p)).Order(StringComparer.Ordinal)
            .Select(p => $"the dependencies block lists {p}, which is not a project under src/"));
        problems.AddRange(Allowed.SelectMany(kv => kv.Value.Where(t => !Allowed.ContainsKey(t)))
            .Select(t => $"the dependencies block names {t}, which it does not list"));
        problems.AddRange(Allowed.Keys.Where(p => Reachable(p).Contains(p)).Order(StringComparer.Ordinal)
            .Select(p => $"the dependencies block is not one-way: {p} reaches itself"));
        foreach (var (project, targets) in references.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var allowed = Reachable(project);
            var rule = $"{project}: {string.Join(", ", Allowed.GetValueOrDefault(project, []))}";
            problems.AddRange(targets.Where(t => !allowed.Contains(t))
                .Select(t => $"EdgeInfer.{project} references EdgeInfer.{t}, against the chain of docs/ARCHITECTURE.md ({rule})"));
        }

        return problems;
    }

    /// <summary>Every project reachable from <paramref name="project"/> in <paramref name="graph"/> (itself only through a cycle).</summary>
    public static IReadOnlySet<string> Reachable(IReadOnlyDictionary<string, IReadOnlyList<string>> graph, string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(graph.GetValueOrDefault(project, []));
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in graph.GetValueOrDefault(next, []))
                {
                    pending.Push(further);
                }
            }
        }

        return seen;
    }
}
