namespace OrleansPlatform.Cli.Tests;

public class GenerateCommandTests
{
    [Theory]
    [InlineData("--size", "huge", "--seed", "1", "--out", "x")]
    [InlineData("--size", "tiny", "--seed", "one", "--out", "x")]
    [InlineData("--size", "tiny", "--seed", "1")]
    [InlineData("--size", "tiny", "--seed", "1", "--out", "x", "--colour", "red")]
    [InlineData("--size", "tiny", "--size", "county", "--seed", "1", "--out", "x")]
    [InlineData("--size", "tiny", "--seed", "1", "--out")]
    [InlineData("tiny")]
    public void Bad_arguments_are_a_usage_error(params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => GenerateCommand.Run(args, TextWriter.Null));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Generate_writes_both_files_and_reports_progress_and_a_summary()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"platform-cli-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}");
        var output = new StringWriter();
        try
        {
            var code = GenerateCommand.Run(["--size", "tiny", "--seed=4", "--out", directory], output);

            Assert.Equal(0, code);
            Assert.Equal(10, File.ReadAllLines(Path.Combine(directory, "areas.csv")).Length);
            Assert.Equal(621, File.ReadAllLines(Path.Combine(directory, "households.csv")).Length);
            Assert.Contains("200 / 200", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("620 people", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
