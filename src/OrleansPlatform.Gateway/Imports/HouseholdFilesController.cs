using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Gateway.Audit;
using OrleansPlatform.Gateway.Errors;
using OrleansPlatform.Gateway.Households;
using OrleansPlatform.Households;
using OrleansPlatform.Imports;
using OrleansPlatform.Silo.Audit;

namespace OrleansPlatform.Gateway.Imports;

/// <summary>Bulk import of households from CSV files as background jobs, and CSV export of an area's households.</summary>
[ApiController]
public sealed class HouseholdFilesController(IClusterClient cluster, ImportRunner runner, IOptions<ImportOptions> options, IAuditLog audit) : ControllerBase
{
    // Characters of CSV gathered before they are sent.
    private const int ExportChunkChars = 32 * 1024;

    private const string Csv = "text/csv";

    /// <summary>
    /// Starts importing a CSV file of households (one row per member; see README) and answers 202 at
    /// once with the job; follow it at the Location. Send the file as the body (<c>Content-Type:
    /// text/csv</c>) or as the <c>file</c> field of a multipart form. A file whose header is wrong is
    /// refused at once (400). Each household is written whole or not at all; importing the same file
    /// again changes nothing.
    /// </summary>
    [HttpPost("api/v1/imports")]
    [RequirePermission(Permission.WriteHouseholds)]
    [BodySizeLimit(ImportOptions.MaxFileBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.MaxFileBytes)]
    [ProducesResponseType<ImportJobView>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<ImportJobView>> ImportAsync(CancellationToken cancellationToken)
    {
        var caller = HttpContext.GetCaller();
        var id = $"imp-{Guid.NewGuid():N}";
        HttpContext.Audit("import", id, caller.AreaCode);
        var (upload, fileName) = await OpenUploadAsync(cancellationToken);
        var path = Path.Combine(Directory.CreateDirectory(options.Value.Directory ?? Path.Combine(Path.GetTempPath(), "orleans-platform-imports")).FullName, id + ".csv");
        long rows;
        try
        {
            rows = await StoreAsync(upload, path, cancellationToken);
            using (var reader = new StreamReader(path))
            {
                _ = HouseholdCsv.Read(reader); // checks the header now: a wrong file is a 400, not a failed job
            }
        }
        catch
        {
            System.IO.File.Delete(path);
            throw;
        }
        finally
        {
            await upload.DisposeAsync();
        }

        var job = await cluster.GetGrain<IImportJobGrain>(id).CreateAsync(caller.Login, caller.AreaCode, fileName, rows);
        runner.Start(new ImportJob(id, path, caller));
        return AcceptedAtAction("GetImport", new { id }, job);
    }

    /// <summary>An import job: progress while it runs (rows done and total, rate, counts, first rejected rows), the report when it ends.</summary>
    [HttpGet("api/v1/imports/{id}")]
    [ActionName("GetImport")]
    [RequirePermission(Permission.WriteHouseholds)]
    [ProducesResponseType<ImportJobView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ImportJobView>> GetAsync(string id) => await VisibleJobAsync(id);

    /// <summary>Every rejected row of an import in file order: line, household, field and reason.</summary>
    [HttpGet("api/v1/imports/{id}/rejections")]
    [RequirePermission(Permission.WriteHouseholds)]
    [ProducesResponseType<ResultPage<ImportRejection>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ResultPage<ImportRejection>>> RejectionsAsync(string id, [FromQuery] int page = 1, [FromQuery] int pageSize = 500)
    {
        Paging.Validate(page, pageSize, 5000);
        await VisibleJobAsync(id);
        return await cluster.GetGrain<IImportJobGrain>(id).GetRejectionsAsync(page, pageSize);
    }

    /// <summary>
    /// Streams the households of an area and everything below it as CSV in the import format, village
    /// by village. ID numbers and phones are masked for roles without the personal-data permission.
    /// </summary>
    [HttpGet("api/v1/areas/{code}/households.csv")]
    [RequirePermission(Permission.ReadRegistry)]
    [Produces(Csv)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task ExportAsync(string code, CancellationToken cancellationToken)
    {
        var areaCode = AreaRules.ParseCode(code);
        HttpContext.RequireReach(areaCode);
        var area = await cluster.GetGrain<IAreaGrain>(areaCode.Value).GetAsync() ?? throw CallerAccess.AreaNotFound(areaCode);
        var unmasked = HttpContext.GetCaller().SeesPersonalDataOf(areaCode.Value);
        if (unmasked)
        {
            // Recorded before the first byte is streamed (a streamed response cannot fail afterwards),
            // so an export cut short is on record too.
            var caller = HttpContext.GetCaller();
            await audit.AppendAsync(new AuditEntry
            {
                Actor = caller.Login,
                Role = caller.Role.ToString(),
                Action = "GET " + ControllerContext.ActionDescriptor.AttributeRouteInfo?.Template,
                ObjectType = "area-export",
                ObjectId = areaCode.Value,
                AreaCode = areaCode.Value,
                Status = StatusCodes.Status200OK,
                Detail = "unmasked personal data in the response",
            }, CancellationToken.None);
        }

        Response.ContentType = Csv + "; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"households-{areaCode.Value}.csv\"";
        // The CSV writer writes synchronously, which the server refuses on a response body: rows gather
        // in memory and go out asynchronously in chunks.
        await using var body = new StreamWriter(Response.Body, new UTF8Encoding(false), ExportChunkChars);
        var rows = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new HouseholdCsvWriter(rows);
        await foreach (var view in HouseholdsUnderAsync(area, cancellationToken))
        {
            csv.Write(view.HouseholdId, (unmasked ? view : HouseholdMasking.Mask(view)).Record);
            if (rows.GetStringBuilder().Length >= ExportChunkChars)
            {
                await SendAsync();
            }
        }

        await SendAsync();
        await body.FlushAsync(cancellationToken);

        async Task SendAsync()
        {
            await body.WriteAsync(rows.GetStringBuilder(), cancellationToken);
            rows.GetStringBuilder().Clear();
        }
    }

    private async IAsyncEnumerable<HouseholdView> HouseholdsUnderAsync(AreaDetails area, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (AreaCode.Parse(area.Code).Level == AreaLevel.Village)
        {
            var roster = cluster.GetGrain<IVillageRosterGrain>(area.Code);
            for (var page = 1; ; page++)
            {
                var rows = await roster.ListAsync(null, null, page, VillageRosterGrain.MaxPageSize);
                var views = await cluster.GetGrain<IHouseholdReaderGrain>(0).GetManyAsync(rows.Items.Select(row => row.HouseholdId).ToList());
                foreach (var view in views.OfType<HouseholdView>())
                {
                    yield return view;
                }

                if (page * rows.PageSize >= rows.Total)
                {
                    yield break;
                }
            }
        }

        foreach (var child in area.Children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await cluster.GetGrain<IAreaGrain>(child).GetAsync() is { } details)
            {
                await foreach (var view in HouseholdsUnderAsync(details, cancellationToken))
                {
                    yield return view;
                }
            }
        }
    }

    /// <summary>The job, when the caller started it or reaches its owner's area; 404 otherwise.</summary>
    private async Task<ImportJobView> VisibleJobAsync(string id)
    {
        var notFound = new DomainException(DomainErrorKind.NotFound, "import.not-found", $"Import {id} does not exist.");
        if (!id.StartsWith("imp-", StringComparison.Ordinal) || id.Length > 64)
        {
            throw notFound;
        }

        var caller = HttpContext.GetCaller();
        var job = await cluster.GetGrain<IImportJobGrain>(id).GetAsync();
        return job is not null && (job.Owner == caller.Login || caller.Reaches(job.AreaCode)) ? job : throw notFound;
    }

    private async Task<(Stream Body, string? FileName)> OpenUploadAsync(CancellationToken cancellationToken)
    {
        if (Request.HasFormContentType)
        {
            var form = await Request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? throw DomainException.Invalid("file", "Send the CSV file in the multipart field 'file'.");
            return (file.OpenReadStream(), Path.GetFileName(file.FileName));
        }

        if (Request.ContentType is not { } type || !type.StartsWith(Csv, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(DomainErrorKind.UnsupportedMediaType, "import.media-type", $"Send the file as {Csv} or as the 'file' field of multipart/form-data.");
        }

        return (Request.Body, Request.Headers["X-File-Name"].FirstOrDefault());
    }

    /// <summary>Copies the upload to <paramref name="path"/> and counts its data rows (lines after the header).</summary>
    private static async Task<long> StoreAsync(Stream upload, string path, CancellationToken cancellationToken)
    {
        long lines = 0;
        var endsWithNewline = true;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                endsWithNewline = buffer[read - 1] == (byte)'\n';
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        var total = lines + (endsWithNewline ? 0 : 1);
        return Math.Max(0, total - 1);
    }
}
