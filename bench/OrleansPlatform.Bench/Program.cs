using OrleansPlatform.Bench;

// Usage (run.sh passes the paths): OrleansPlatform.Bench --ours CS --baseline CS --silo-dll PATH --results DIR --logs DIR
//        [--size tiny|county|province] [--concurrency N] [--skip-idle] [--seed N] [--commit SHA]
//        OrleansPlatform.Bench reset-databases --ours CS --baseline CS
BenchOptions options;
try
{
    if (args.Length > 0 && args[0] == "reset-databases")
    {
        var settings = args[1..].Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        await DatabaseReset.RunAsync(settings["--ours"], settings["--baseline"]);
        return 0;
    }

    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

var report = await new BenchRun(options, Log).RunAsync();
var (markdown, json) = ReportWriter.Write(report, options.ResultsDirectory);
Console.WriteLine();
Console.WriteLine(ReportWriter.Summary(report));
Console.WriteLine($"Results: {markdown}");
Console.WriteLine($"         {json}");
return 0;
