using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansPlatform.Areas;

namespace OrleansPlatform.Cli;

/// <summary>
/// <c>platform import --file households.csv [--areas areas.csv] --url URL --login LOGIN</c>: signs in
/// (password from the environment variable PLATFORM_PASSWORD), creates the areas of an areas file
/// level by level, uploads the households file as an import job and follows it with a progress bar.
/// </summary>
public static class ImportCommand
{
    /// <summary>One line of usage.</summary>
    public const string Usage = "platform import --file households.csv [--areas areas.csv] --url http://127.0.0.1:8080 --login LOGIN   (password in $PLATFORM_PASSWORD)";

    /// <summary>The environment variable holding the password, so that it is not in the shell history.</summary>
    public const string PasswordVariable = "PLATFORM_PASSWORD";

    /// <summary>Areas per <c>PUT /api/v1/areas</c> request (the gateway takes up to 1,000).</summary>
    public const int AreaBatchSize = 500;

    /// <summary>
    /// Runs the command; returns 0 when every row was imported, 3 when some were rejected (listed in
    /// <c>FILE.rejections.csv</c>), 1 on failure. <paramref name="http"/> replaces the HTTP client in tests.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, HttpClient? http = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = new CommandLine(args, ["file", "areas", "url", "login", "poll-ms"]);
        var file = options.Required("file");
        var areas = options.Optional("areas");
        var login = options.Required("login");
        var password = (environment ?? Environment.GetEnvironmentVariable)(PasswordVariable)
            ?? throw new UsageException($"Set the password in the environment variable {PasswordVariable}.");
        var poll = TimeSpan.FromMilliseconds(int.Parse(options.Optional("poll-ms") ?? "1000", CultureInfo.InvariantCulture));
        foreach (var path in new[] { file, areas }.OfType<string>())
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"No such file: {path}");
            }
        }

        using var owned = http is null ? new HttpClient { BaseAddress = new Uri(options.Required("url")), Timeout = Timeout.InfiniteTimeSpan } : null;
        var client = http ?? owned!;

        var token = await SignInAsync(client, login, password);
        if (token is null)
        {
            output.WriteLine("Sign-in refused: check the login and the password.");
            return 1;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (areas is not null && !await ImportAreasAsync(client, areas, output))
        {
            return 1;
        }

        return await ImportHouseholdsAsync(client, file, output, poll);
    }

    private static async Task<string?> SignInAsync(HttpClient client, string login, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { login, password });
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
    }

    /// <summary>
    /// Creates or updates the areas of an areas file (code,name,ruralPopulation) with <c>PUT /api/v1/areas</c>,
    /// <see cref="AreaBatchSize"/> per request, parents in earlier requests than their children.
    /// </summary>
    private static async Task<bool> ImportAreasAsync(HttpClient client, string path, TextWriter output)
    {
        var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(ParseArea)
            .OrderBy(r => AreaCode.Parse(r.Code).Level).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        int created = 0, updated = 0;
        foreach (var batch in rows.Chunk(AreaBatchSize))
        {
            var body = new { areas = batch.Select(r => new { code = r.Code, name = r.Name, ruralPopulation = r.Population }) };
            using var response = await SendAsync(client, () => new HttpRequestMessage(HttpMethod.Put, "/api/v1/areas") { Content = JsonContent.Create(body) }, output);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                output.WriteLine($"  areas refused: {(int)response.StatusCode} {Truncate(text, 2000)}");
                return false;
            }

            var result = JsonDocument.Parse(text).RootElement;
            created += result.GetProperty("created").GetInt32();
            updated += result.GetProperty("updated").GetInt32();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  areas {created + updated:N0} / {rows.Count:N0}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Areas: created {created:N0}, updated {updated:N0}."));
        return true;
    }

    /// <summary>
    /// Sends a request made by <paramref name="request"/>, and again after the wait the gateway names
    /// when it answers 429 (its per-account rate limit), saying so on <paramref name="output"/>.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> request, TextWriter output)
    {
        while (true)
        {
            using var message = request();
            var response = await client.SendAsync(message);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n  the gateway's request rate limit is reached; retrying in {wait.TotalSeconds:0} s"));
            await Task.Delay(wait);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string uri, TextWriter output)
    {
        using var response = await SendAsync(client, () => new HttpRequestMessage(HttpMethod.Get, uri), output);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<int> ImportHouseholdsAsync(HttpClient client, string path, TextWriter output, TimeSpan poll)
    {
        output.WriteLine($"Uploading {Path.GetFileName(path)} ({new FileInfo(path).Length:N0} bytes)…");
        using var accepted = await SendAsync(client, () => Upload(path), output);
        if (accepted.StatusCode != HttpStatusCode.Accepted)
        {
            output.WriteLine($"The import was refused: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
            return 1;
        }

        var location = accepted.Headers.Location!;
        JsonElement job;
        while (true)
        {
            job = await GetJsonAsync(client, location.ToString(), output);
            output.Write("\r" + ProgressLine(job));
            var status = job.GetProperty("status").GetString();
            if (status is "completed" or "failed" or "interrupted")
            {
                break;
            }

            await Task.Delay(poll);
        }

        output.WriteLine();
        var rejected = job.GetProperty("rejected").GetInt32();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Import {job.GetProperty("id").GetString()} {job.GetProperty("status").GetString()}: created {job.GetProperty("created").GetInt32():N0}, updated {job.GetProperty("updated").GetInt32():N0}, unchanged {job.GetProperty("unchanged").GetInt32():N0}, rejected {rejected:N0} household(s)."));
        if (job.GetProperty("status").GetString() != "completed")
        {
            output.WriteLine(job.TryGetProperty("failure", out var failure) ? failure.GetString() : "The import did not complete.");
            return 1;
        }

        if (rejected == 0)
        {
            return 0;
        }

        var report = path + ".rejections.csv";
        await WriteRejectionsAsync(client, location, report, output);
        output.WriteLine($"Rejected rows (line, household, field, reason) are in {report}.");
        return 3;
    }

    /// <summary>The upload of the households file as an import job; the file is opened anew for each attempt.</summary>
    private static HttpRequestMessage Upload(string path)
    {
        var content = new StreamContent(File.OpenRead(path), 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = content };
        request.Headers.Add("X-File-Name", Path.GetFileName(path));
        return request;
    }

    private static async Task WriteRejectionsAsync(HttpClient client, Uri job, string path, TextWriter output)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("line,householdId,field,reason");
        for (var page = 1; ; page++)
        {
            var body = await GetJsonAsync(client, $"{job}/rejections?page={page}&pageSize=5000", output);
            var items = body.GetProperty("items").EnumerateArray().ToList();
            foreach (var item in items)
            {
                await writer.WriteLineAsync(string.Join(',',
                    item.GetProperty("line").GetInt64().ToString(CultureInfo.InvariantCulture),
                    Quote(item.GetProperty("householdId").GetString()),
                    Quote(item.GetProperty("field").GetString()),
                    Quote(item.GetProperty("reason").GetString())));
            }

            if (items.Count == 0 || page * 5000 >= body.GetProperty("total").GetInt32())
            {
                return;
            }
        }
    }

    /// <summary>A one-line progress bar: done fraction, rows, rate and counts.</summary>
    public static string ProgressLine(JsonElement job)
    {
        var total = Math.Max(1, job.GetProperty("rowsTotal").GetInt64());
        var done = job.GetProperty("rowsDone").GetInt64();
        const int width = 30;
        var filled = (int)Math.Min(width, width * done / total);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', width - filled)}] {100.0 * done / total,5:0.0}%  {done:N0}/{total:N0} rows  {job.GetProperty("rowsPerSecond").GetDouble(),8:N0} rows/s  rejected {job.GetProperty("rejected").GetInt32():N0}   ");
    }

    private static (string Code, string Name, long? Population) ParseArea(string line)
    {
        var fields = SplitCsvLine(line);
        if (fields.Count < 3)
        {
            throw new UsageException($"Not an areas file line (code,name,ruralPopulation): {line}");
        }

        return (fields[0], fields[1], fields[2].Length == 0 ? null : long.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    /// <summary>The fields of one CSV line, honouring quotes (areas files have no line breaks inside fields).</summary>
    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
