using Lethe.Cli;

return LetheApp.Run(args, Spectre.Console.AnsiConsole.Console, Console.Error);
