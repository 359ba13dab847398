namespace Lethe.IO;

/// <summary>
/// The Python globals a pickle names only to run code: the operating system, processes, the interpreter, imports,
/// the network, and the builtins that evaluate, import or reach attributes. A checkpoint has no other reason to name
/// them, so one that does is refused as hostile (testvectors/hostile.pth calls posix.system).
/// </summary>
/// <remarks>
/// This list decides how a refusal reads, not whether anything runs: Lethe calls no global. A name outside Lethe's own
/// table (tensor rebuilders, NumPy values; see Training.InertConstructors) becomes an inert record of a class and its
/// attributes when the pickle builds it without arguments, and stops the load when the pickle calls it with arguments,
/// so a name missing here cannot run either; the user is then told that the file calls it, not that it is hostile.
/// </remarks>
internal static class CodeRunningGlobals
{
    /// <summary>Modules (and their submodules) whose functions act on the system or the interpreter.</summary>
    private static readonly HashSet<string> Modules =
    [
        "os", "posix", "nt", "subprocess", "sys", "shutil", "socket", "ssl", "signal", "pty", "ctypes", "tempfile", "glob",
        "io", "_io", "importlib", "imp", "zipimport", "pkgutil", "site", "runpy", "code", "codeop", "commands", "types",
        "inspect", "operator", "functools", "pickle", "_pickle", "cPickle", "dill", "marshal", "shelve", "multiprocessing",
        "threading", "_thread", "asyncio", "pdb", "bdb", "timeit", "cProfile", "profile", "trace", "pip", "setuptools",
        "distutils", "webbrowser", "urllib", "urllib2", "http", "httplib", "requests", "ftplib", "smtplib", "telnetlib",
        "xmlrpc", "torch.hub", "numpy.testing", "numpy.f2py", "numpy.distutils",
    ];

    /// <summary>Builtins that evaluate code, import, open files or reach any attribute (the step to everything else).</summary>
    private static readonly HashSet<string> Builtins =
    [
        "eval", "exec", "execfile", "compile", "open", "file", "input", "__import__", "reload", "getattr", "setattr",
        "delattr", "globals", "locals", "vars", "breakpoint", "help", "exit", "quit", "apply", "memoryview",
    ];

    public static bool Contains(string module, string name) =>
        module is "builtins" or "__builtin__" ? Builtins.Contains(name) : ModuleAndParents(module).Any(Modules.Contains);

    /// <summary>"os.path" and "os": a submodule is as able as its package.</summary>
    private static IEnumerable<string> ModuleAndParents(string module)
    {
        for (int dot = module.IndexOf('.'); dot >= 0; dot = module.IndexOf('.', dot + 1)) yield return module[..dot];
        yield return module;
    }
}
