using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Silo.Audit;

namespace OrleansPlatform.Gateway.Audit;

/// <summary>
/// Appends an audit record for every successful write (any method but GET/HEAD) and every response
/// that carries unmasked personal data, before the response is sent: if the record cannot be
/// committed the request fails (500) instead of going unrecorded. Applies to every controller action.
/// </summary>
public sealed class AuditFilter(IAuditLog log) : IAsyncActionFilter
{
    /// <inheritdoc/>
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        var target = http.FindAuditTarget();
        var isWrite = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        if (executed.Exception is not null && !executed.ExceptionHandled)
        {
            return; // refused or failed: nothing was written and nothing shown
        }

        var status = executed.Result is IStatusCodeActionResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        if (status is < 200 or >= 300 || (!isWrite && target?.PersonalDataShown != true))
        {
            return;
        }

        var caller = http.FindCaller();
        var descriptor = context.ActionDescriptor as ControllerActionDescriptor;
        var routeTemplate = context.ActionDescriptor.AttributeRouteInfo?.Template ?? http.Request.Path.Value ?? "";
        await log.AppendAsync(new AuditEntry
        {
            Actor = caller?.Login ?? target?.Actor ?? "anonymous",
            Role = caller?.Role.ToString() ?? target?.Role ?? "none",
            Action = $"{http.Request.Method} {routeTemplate}",
            ObjectType = target?.ObjectType ?? descriptor?.ControllerName.ToLowerInvariant() ?? "unknown",
            ObjectId = target?.ObjectId ?? string.Join('/', context.RouteData.Values.Where(v => v.Key is not ("controller" or "action")).Select(v => v.Value)),
            AreaCode = target?.AreaCode,
            Status = status,
            Detail = target?.PersonalDataShown == true ? "unmasked personal data in the response" : null,
        }, CancellationToken.None); // the write is done: record it even if the client has gone
    }
}
