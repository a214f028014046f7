using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Gateway.Errors;

/// <summary>
/// Turns every <see cref="DomainException"/> into an RFC 9457 problem with the status its kind implies,
/// and the server's own bad-request errors (such as an oversized body) into problems with their status.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <inheritdoc/>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            // Raised by the server itself, e.g. a body over the action's size limit (413).
            httpContext.Response.StatusCode = badRequest.StatusCode;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = badRequest.StatusCode,
                    Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "Bad request.",
                    Detail = badRequest.Message,
                    Type = $"https://httpstatuses.io/{badRequest.StatusCode}",
                    Extensions = { ["code"] = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "body-too-large" : "bad-request" },
                },
                Exception = exception,
            });
        }

        if (exception is not DomainException domain)
        {
            return false;
        }

        var status = StatusOf(domain.Kind);
        ProblemDetails problem = domain.Errors is { Count: > 0 } errors
            ? new ValidationProblemDetails(errors)
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = TitleOf(domain.Kind);
        problem.Detail = domain.Message;
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Extensions["code"] = domain.Code;

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The HTTP status for each kind of domain error.</summary>
    public static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Validation => StatusCodes.Status400BadRequest,
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        DomainErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        DomainErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        DomainErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        DomainErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Validation => "One or more validation errors occurred.",
        DomainErrorKind.NotFound => "Not found.",
        DomainErrorKind.Conflict => "Conflict with the current state.",
        DomainErrorKind.Unprocessable => "The request cannot be processed.",
        DomainErrorKind.PreconditionRequired => "A precondition is required.",
        DomainErrorKind.PreconditionFailed => "A precondition failed.",
        DomainErrorKind.Forbidden => "Forbidden.",
        DomainErrorKind.UnsupportedMediaType => "Unsupported media type.",
        _ => "Bad request.",
    };
}
