using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waymark.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, something went wrong";
    public string Message { get; private set; } = "Please try again in a few minutes.";

    public void OnGet(int? status)
    {
        if (status == StatusCodes.Status404NotFound)
        {
            Title = "Page not found";
            Message = "If you typed the web address, check it is correct. The page may have moved.";
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Title = "Search is starting up";
            Message = "Please try again in a few seconds.";
        }
    }
}
