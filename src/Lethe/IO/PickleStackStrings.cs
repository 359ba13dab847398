namespace Lethe.IO;

/// <summary>
/// The strings on top of a pickle's stack, as far as a scan can know them without running it: protocol 4's
/// STACK_GLOBAL takes the global's module and name from the two values below it, which Python's pickler pushes as
/// string literals or fetches from the memo (where it stored them the first time).
/// </summary>
/// <remarks>
/// Only opcodes known to leave the stack alone (PROTO, FRAME, the memo stores) keep what is known; any other opcode
/// forgets it, so a STACK_GLOBAL whose names came any other way is unknown, and refused, rather than misread.
/// </remarks>
internal sealed class PickleStackStrings
{
    private string? _top, _below;

    /// <summary>What each memo slot holds: a string, or null for any other value. Razorvine keys its memo the same way.</summary>
    private readonly Dictionary<int, string?> _memo = [];

    /// <summary>A value was pushed: a string literal, or null for anything else.</summary>
    public void Push(string? value) => (_below, _top) = (_top, value);

    /// <summary>An opcode whose effect on the stack the scan does not follow.</summary>
    public void Forget() => (_below, _top) = (null, null);

    /// <summary>PUT, BINPUT, LONG_BINPUT: the top is stored in the slot.</summary>
    public void Store(int slot) => _memo[slot] = _top;

    /// <summary>MEMOIZE: the top is stored in the next slot, numbered by the count of slots, as the unpickler does.</summary>
    public void Memoize() => _memo[_memo.Count] = _top;

    /// <summary>GET, BINGET, LONG_BINGET: the slot's value is pushed.</summary>
    public void Fetch(int slot) => Push(_memo.GetValueOrDefault(slot));

    /// <summary>STACK_GLOBAL: the module and name it takes, or null when either is not a known string; then the global is on top.</summary>
    public (string Module, string Name)? TakeGlobal()
    {
        (string, string)? names = _below is { } module && _top is { } name ? (module, name) : null;
        Forget();
        return names;
    }
}
