using ArchUnitNET.Loader;

/// <summary>
/// The namespace graph of a built Lethe.dll (this one or an older build's) as ArchUnitNET reads its types' dependencies:
/// each top-level namespace's uses of the others, and the strongly connected components (a component of more than one
/// namespace is a cycle: none of them can be changed, tested or understood alone). Prints a Markdown table.
/// Usage: dotnet run -c Release --project bench/Lethe.Bench -- namespaces [PATH/Lethe.dll]
/// </summary>
internal static class NamespaceGraph
{
    public static int Run(string[] args)
    {
        var path = args.Length > 0 ? Path.GetFullPath(args[0]) : typeof(Lethe.IO.AtomicFile).Assembly.Location;
        var architecture = new ArchLoader().LoadAssemblies(System.Reflection.Assembly.LoadFile(path)).Build();
        static string? Top(string? ns) => ns is null || !ns.StartsWith("Lethe.", StringComparison.Ordinal) ? null : string.Join('.', ns.Split('.').Take(2));
        var edges = architecture.Types
            .SelectMany(t => t.Dependencies.Select(d => (From: Top(t.Namespace.FullName), To: Top(d.Target.Namespace?.FullName))))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .Select(e => (e.From!, e.To!)).Distinct().ToArray();
        var nodes = architecture.Namespaces.Select(n => Top(n.FullName)).OfType<string>().Distinct().Order().ToArray();
        var components = Components(nodes, edges);
        Console.WriteLine($"{path}: {nodes.Length} namespaces, {edges.Length} edges; largest cycle: {components.Max(c => c.Count)} namespaces");
        Console.WriteLine("| namespace | uses |");
        Console.WriteLine("|---|---|");
        foreach (var node in nodes)
            Console.WriteLine($"| {node[6..]} | {string.Join(", ", edges.Where(e => e.Item1 == node).Select(e => e.Item2[6..]).Order())} |");
        foreach (var cycle in components.Where(c => c.Count > 1))
            Console.WriteLine($"cycle of {cycle.Count}: {string.Join(", ", cycle.Select(n => n[6..]).Order())}");
        return 0;
    }

    /// <summary>Strongly connected components by Tarjan's algorithm.</summary>
    private static List<List<string>> Components(string[] nodes, (string, string)[] edges)
    {
        var (index, low, onStack, stack, result) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new HashSet<string>(),
            new Stack<string>(), new List<List<string>>());
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var (_, w) in edges.Where(e => e.Item1 == v))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            result.Add(component);
        }
        foreach (var node in nodes.Where(n => !index.ContainsKey(n))) Visit(node);
        return result;
    }
}
