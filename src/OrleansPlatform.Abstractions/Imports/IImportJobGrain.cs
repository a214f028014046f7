using OrleansPlatform.Households;

namespace OrleansPlatform.Imports;

/// <summary>The record of one bulk import: its owner, progress and every rejected row. The work itself runs in the gateway.</summary>
[Alias("OrleansPlatform.IImportJobGrain")]
public interface IImportJobGrain : IGrainWithStringKey
{
    /// <summary>Records a newly accepted job.</summary>
    [Alias("Create")]
    Task<ImportJobView> CreateAsync(string owner, string? areaCode, string? fileName, long rowsTotal);

    /// <summary>Marks the job running.</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>Adds progress since the last report.</summary>
    [Alias("Report")]
    Task ReportAsync(ImportProgress progress);

    /// <summary>Ends the job: completed, or failed with a reason.</summary>
    [Alias("Finish")]
    Task FinishAsync(string? failure);

    /// <summary>The job, or null when unknown.</summary>
    [Alias("Get")]
    Task<ImportJobView?> GetAsync();

    /// <summary>Rejected rows in file order, paged.</summary>
    [Alias("Rejections")]
    Task<ResultPage<ImportRejection>> GetRejectionsAsync(int page, int pageSize);
}
