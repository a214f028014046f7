using OrleansPlatform.Cli;

const string usage = $"""
    Usage:
      {GenerateCommand.Usage}
      {ImportCommand.Usage}
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(usage);
    return 2;
}

if (args[0] is "help" or "--help" or "-h")
{
    Console.WriteLine(usage);
    return 0;
}

try
{
    // One case per command; "import" joins here.
    return args[0] switch
    {
        "generate" => GenerateCommand.Run(args[1..], Console.Out),
        "import" => await ImportCommand.RunAsync(args[1..], Console.Out),
        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(usage);
    return 2;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"Cannot reach the gateway: {e.Message}");
    return 1;
}
catch (IOException e)
{
    Console.Error.WriteLine($"Cannot write the files: {e.Message}");
    return 1;
}
catch (UnauthorizedAccessException e)
{
    Console.Error.WriteLine($"Cannot write the files: {e.Message}");
    return 1;
}
