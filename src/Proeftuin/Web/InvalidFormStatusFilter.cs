using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Web;

/// <summary>A page shown again with form errors answers 400, so clients and tests can tell it from a success.</summary>
public sealed class InvalidFormStatusFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is PageResult { StatusCode: null } page && !context.ModelState.IsValid)
            page.StatusCode = StatusCodes.Status400BadRequest;
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
