return Briefings.Cli.Cli.Run(args, Console.Out, Console.Error);
