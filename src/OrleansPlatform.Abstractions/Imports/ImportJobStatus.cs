namespace OrleansPlatform.Imports;

/// <summary>Where an import job stands.</summary>
public enum ImportJobStatus
{
    /// <summary>Accepted, waiting for its turn.</summary>
    Queued = 1,

    /// <summary>Writing households.</summary>
    Running = 2,

    /// <summary>Every row handled; see the counts and rejections.</summary>
    Completed = 3,

    /// <summary>Stopped by an error of the platform (not of the file); households written so far stay, importing the file again finishes the work.</summary>
    Failed = 4,

    /// <summary>No progress for a long time: the gateway running it stopped. Importing the file again finishes the work.</summary>
    Interrupted = 5,
}
