using Waymark.Core.Groups;
using Waymark.Core.Notifications;

namespace Waymark.Web.Groups;

public static class GroupsSetup
{
    /// <summary>Group sessions: the rules, and the cancellation messages they queue.</summary>
    public static IServiceCollection AddWaymarkGroups(this IServiceCollection services)
    {
        services.AddScoped<GroupCancellationNotifier>();
        services.AddScoped<GroupSessions>();
        services.AddScoped<GroupDisclosures>();
        return services;
    }

    /// <summary>
    /// Calendar files for the public: one session (<c>/services/{id}/sessions/{sessionId}.ics</c>) and a feed of a
    /// service's sessions (<c>/services/{id}/sessions.ics</c>, also reachable as webcal://). Only active services.
    /// </summary>
    public static IEndpointRouteBuilder MapGroupCalendars(this IEndpointRouteBuilder app)
    {
        app.MapGet("/services/{id:guid}/sessions.ics", async (Guid id, GroupSessions groups, NotificationSettings links, CancellationToken ct) =>
        {
            var sessions = await groups.FeedAsync(id, ct);
            if (sessions is null)
            {
                return Results.NotFound();
            }
            var name = sessions.Count > 0 ? sessions[0].ServiceName : await groups.ServiceNameAsync(id, ct) ?? "Group sessions";
            return Results.Text(CalendarWriter.Write(name, sessions, s => links.Link($"services/{s.ServiceId}")), CalendarWriter.ContentType);
        });
        app.MapGet("/services/{id:guid}/sessions/{sessionId:guid}.ics", async (Guid id, Guid sessionId, GroupSessions groups, NotificationSettings links, HttpContext http, CancellationToken ct) =>
        {
            var session = await groups.PublicSessionAsync(id, sessionId, ct);
            if (session is null)
            {
                return Results.NotFound();
            }
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"group-session-{session.StartsAt.UtcDateTime:yyyy-MM-dd}.ics\"";
            return Results.Text(CalendarWriter.Write(session.ServiceName, [session], s => links.Link($"services/{s.ServiceId}")), CalendarWriter.ContentType);
        });
        return app;
    }
}
