using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// GOV.UK-style form fields: label, hint, inline error and input, with ids that the error summary links to.
/// Field names are the model binding names ("Input.Name"); ids replace dots with underscores as Razor does.
/// </summary>
public static class Form
{
    public static string IdOf(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string? ErrorOf(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static IHtmlContent Text(
        ModelStateDictionary state, string name, string label, string? value, string? hint = null, string type = "text",
        string? autocomplete = null, string? width = null, string? inputMode = null, bool spellcheck = true)
    {
        var id = IdOf(name);
        var error = ErrorOf(state, name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.Where(x => x is not null));
        var e = HtmlEncoder.Default;
        var html = $"""
            <div class="form-group{(error is null ? "" : " form-group--error")}">
            <label class="label" for="{id}">{e.Encode(label)}</label>
            {(hint is null ? "" : $"<div class=\"hint\" id=\"{id}-hint\">{e.Encode(hint)}</div>")}
            {ErrorMessage(id, error)}
            <input class="input{(width is null ? "" : " input--width-" + width)}{(error is null ? "" : " input--error")}" id="{id}" name="{e.Encode(name)}" type="{type}" value="{e.Encode(value ?? "")}"{(describedBy.Length == 0 ? "" : $" aria-describedby=\"{describedBy}\"")}{(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")}{(inputMode is null ? "" : $" inputmode=\"{inputMode}\"")}{(spellcheck ? "" : " spellcheck=\"false\"")}>
            </div>
            """;
        return new HtmlString(html);
    }

    public static IHtmlContent TextArea(ModelStateDictionary state, string name, string label, string? value, string? hint = null, int rows = 5)
    {
        var id = IdOf(name);
        var error = ErrorOf(state, name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.Where(x => x is not null));
        var e = HtmlEncoder.Default;
        var html = $"""
            <div class="form-group{(error is null ? "" : " form-group--error")}">
            <label class="label" for="{id}">{e.Encode(label)}</label>
            {(hint is null ? "" : $"<div class=\"hint\" id=\"{id}-hint\">{e.Encode(hint)}</div>")}
            {ErrorMessage(id, error)}
            <textarea class="textarea{(error is null ? "" : " input--error")}" id="{id}" name="{e.Encode(name)}" rows="{rows}"{(describedBy.Length == 0 ? "" : $" aria-describedby=\"{describedBy}\"")}>{e.Encode(value ?? "")}</textarea>
            </div>
            """;
        return new HtmlString(html);
    }

    public static IHtmlContent ErrorMessage(string id, string? error) =>
        new HtmlString(error is null ? "" : $"<p class=\"error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(error)}</p>");

    public static string GroupClass(ModelStateDictionary state, string name) =>
        ErrorOf(state, name) is null ? "form-group" : "form-group form-group--error";
}

public static class FormErrors
{
    private const string OrderKey = "waymark:error-order";

    /// <summary>The ModelState key of errors about the page rather than one of its fields.</summary>
    public const string PageKey = "";

    /// <summary>Adds a field error and remembers its order, so the error summary lists errors in the order of the form.</summary>
    public static void AddError(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, string key, string message)
    {
        page.ModelState.AddModelError(key, message);
        if (page.HttpContext.Items[OrderKey] is not List<string> order)
        {
            order = [];
            page.HttpContext.Items[OrderKey] = order;
        }
        if (!order.Contains(key))
        {
            order.Add(key);
        }
    }

    /// <summary>
    /// Adds an error about the page's state rather than a field (the offer has closed, the session has started): the
    /// summary lists it without a link, since the form it would point to may no longer be on the page.
    /// </summary>
    public static void AddPageError(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, string message) =>
        page.AddError(PageKey, message);

    /// <summary>Adds each (field, message), the field under <paramref name="prefix"/>; an empty field is a page error.</summary>
    public static void AddErrors(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, IEnumerable<(string Field, string Message)> errors, string prefix = "")
    {
        foreach (var (field, message) in errors)
        {
            page.AddError(field.Length == 0 ? PageKey : prefix + field, message);
        }
    }

    /// <summary>Adds the errors of a refused listing edit, in their order, under the form's names for the fields (<paramref name="prefix"/> + field).</summary>
    public static void AddErrors(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, IEnumerable<Waymark.Core.Listings.ListingError> errors, string prefix = "") =>
        page.AddErrors(errors.Select(e => (e.Field, e.Message)), prefix);

    public static IEnumerable<(string Key, string Message)> InOrder(HttpContext context, ModelStateDictionary state)
    {
        var order = context.Items[OrderKey] as List<string> ?? [];
        return state
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => order.IndexOf(e.Key) is var i && i >= 0 ? i : int.MaxValue)
            .SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage)));
    }
}
