using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Lethe.Cli;

/// <summary>
/// A command line that did not parse, as one line that names the word at fault and what would do instead.
/// System.CommandLine's own messages spread allowed values over several lines and name .NET types
/// ('System.Nullable`1[System.Int32]'), and for a mistyped command it reports the consequence ("Required command
/// was not provided") rather than the word.
/// </summary>
internal static class UsageErrors
{
    public static string Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult;
        var message = parsed.UnmatchedTokens.Count > 0
            ? Unmatched(parsed.UnmatchedTokens[0], command)
            : parsed.Errors.Select(BadValue).FirstOrDefault(m => m is not null) ?? parsed.Errors[0].Message;
        return $"{message} (see '{PathOf(command)} --help')";
    }

    private static string Unmatched(string token, CommandResult command)
    {
        if (token.StartsWith('-')) return $"unknown option '{token}' for '{PathOf(command)}'";
        var subcommands = command.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
        return subcommands.Length > 0
            ? $"unknown command '{token}'; '{PathOf(command)}' has: {string.Join(", ", subcommands)}"
            : $"unexpected argument '{token}' for '{PathOf(command)}'";
    }

    /// <summary>An option's value that did not convert or is not among the allowed ones; null for other errors and for
    /// values a Lethe parser refused (its message is already one line in these words).</summary>
    private static string? BadValue(ParseError error)
    {
        var (name, valueType, allowed, tokens) = error.SymbolResult switch
        {
            OptionResult o => Of(o),
            ArgumentResult { Parent: OptionResult o } => Of(o),
            ArgumentResult a => ($"<{a.Argument.Name}>", a.Argument.ValueType, a.Argument.GetCompletions(CompletionContext.Empty), a.Tokens),
            _ => default,
        };
        if (valueType is null || tokens.Count != 1) return null;
        if (!error.Message.Contains('\n') && !error.Message.Contains(valueType.ToString())) return null;
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        var values = allowed.Select(c => type.IsEnum ? c.Label.ToLowerInvariant() : c.Label).ToArray();
        var expected = values.Length > 0 ? $"not one of {string.Join(", ", values)}" : $"not {Expected(type)}";
        return $"{name}: '{tokens[0].Value}' is {expected}";
    }

    private static (string, Type, IEnumerable<CompletionItem>, IReadOnlyList<Token>) Of(OptionResult o) =>
        (o.Option.Name, o.Option.ValueType, o.Option.GetCompletions(CompletionContext.Empty), o.Tokens);

    private static string Expected(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte => "a whole number",
        TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
        TypeCode.Boolean => "true or false",
        _ => $"a valid {type.Name}",
    };

    private static string PathOf(CommandResult command) =>
        command.Parent is CommandResult parent ? $"{PathOf(parent)} {command.Command.Name}" : command.Command.Name;
}
