using System.CommandLine;
using Waymark.Core.Accounts;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark users add --email --role [--organisation] [--area …]</c> and <c>waymark users set-password-link --email</c>.
/// Nothing ships with a default password: each prints a one-time link for the account's owner to choose one.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context)
    {
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "Where people reach this Waymark, for the printed link.",
            DefaultValueFactory = _ => "http://localhost:5080",
            Recursive = true,
        };
        var users = new Command("users", "Create staff and provider accounts.") { baseUrl };

        var email = new Option<string>("--email") { Description = "The account's email address (also its user name).", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
        var org = new Option<Guid?>("--organisation", "--org") { Description = "The organisation's id; needed for provider-staff, provider-admin and peer-supporter." };
        var area = new Option<string[]>("--area") { Description = "For a commissioner: a local authority or region (name or GSS code) it sees; give it once per area." };
        var add = new Command("add", "Create an account and print a one-time link for its owner to choose a password (valid 7 days).") { email, role, org, area };
        add.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            await using var db = await context.OpenAsync(parse, ct);
            var account = await new AccountAdministration(db, context.Time)
                .AddUserAsync(parse.GetRequiredValue(email), parse.GetRequiredValue(role), parse.GetValue(org), parse.GetValue(area) ?? [], Actor.CommandLine, ct);
            await context.Output.WriteLineAsync($"created {account.Role} account for {account.Email}");
            await WriteLinkAsync(context, parse.GetRequiredValue(baseUrl), account);
            return 0;
        }));

        var linkEmail = new Option<string>("--email") { Description = "The account's email address.", Required = true };
        var link = new Command("set-password-link", "Print a new one-time set-password link for an existing account.") { linkEmail };
        link.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            await using var db = await context.OpenAsync(parse, ct);
            var account = await new AccountAdministration(db, context.Time).ReissueSetPasswordAsync(parse.GetRequiredValue(linkEmail), ct);
            await WriteLinkAsync(context, parse.GetRequiredValue(baseUrl), account);
            return 0;
        }));

        users.Add(add);
        users.Add(link);
        return users;
    }

    private static Task WriteLinkAsync(CliContext context, string baseUrl, NewAccount account) =>
        context.Output.WriteLineAsync(
            $"one-time set-password link, valid until {account.ExpiresAt:yyyy-MM-dd HH:mm} UTC: {baseUrl.TrimEnd('/')}{account.SetPasswordPath}");
}
