using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// When no handler matches a request, Razor Pages renders the page anyway, without running any of its code: a POST to a
/// page that only has OnGet showed a page whose model was never loaded, and failed with a 500. For every page, a method
/// it has no handler for answers 405 (with Allow), and a handler name it does not have answers 404.
/// </summary>
internal sealed class MissingHandlers : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null
            && context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null
            && Refusal(context.ActionDescriptor.HandlerMethods, context.HttpContext) is { } refusal)
        {
            context.Result = refusal;
            return Task.CompletedTask;
        }
        return next();
    }

    private static IActionResult? Refusal(IList<HandlerMethodDescriptor> handlers, HttpContext http)
    {
        var method = HttpMethods.IsHead(http.Request.Method) ? HttpMethods.Get : http.Request.Method;
        var named = http.GetRouteValue("handler") is { } route ? route.ToString() : http.Request.Query["handler"].ToString();
        var forMethod = handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase));
        if (forMethod || HttpMethods.IsGet(method))
        {
            // A GET page may have no handler at all (it renders as it is); any other miss is a handler name it does not have.
            return string.IsNullOrEmpty(named) && !forMethod ? null : new NotFoundResult();
        }
        var allowed = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Append("HEAD").Distinct(StringComparer.Ordinal);
        http.Response.Headers.Allow = string.Join(", ", allowed);
        return new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
