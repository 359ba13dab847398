using Lethe.Cli;
using Spectre.Console;

// Before any tensor exists: LibTorch's memory otherwise fragments across glibc arenas and grows every epoch.
Lethe.Diagnostics.NativeAllocator.LimitArenas();
var console = AnsiConsole.Console;
// Piped or nohup'd output has no terminal width; Spectre would wrap at 80 columns and split log lines and tables.
if (Console.IsOutputRedirected) console.Profile.Width = 240;
return LetheApp.Run(args, console, Console.Error);
