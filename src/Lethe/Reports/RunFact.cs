namespace Lethe.Reports;

/// <summary>One line of a report's header: "Machine: ...". Code facts (a command line) are set in monospace.</summary>
public sealed record RunFact(string Name, string Value, bool IsCode = false);
