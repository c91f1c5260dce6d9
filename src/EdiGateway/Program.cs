return await EdiGateway.Cli.EdigwCli.RunAsync(args);
