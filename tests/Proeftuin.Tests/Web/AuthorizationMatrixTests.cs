using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Proeftuin.Tests.Web;

/// <summary>
/// Who may do what, for every route (pages, API, hub methods) and every kind of person, in one table.
/// A route the app serves without a row here fails, and so does a row for a route that is gone.
/// Each probe is a real request with route values from the seeded world (<see cref="MatrixWorld"/>): P is an open
/// project, so most rows read as "who may do this in an open project"; a members-only project (Q) is asked the same
/// by the leak scan. A denied probe must change nothing in the database.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    [Fact]
    public async Task Every_route_has_a_row_and_every_row_a_route()
    {
        var served = await RouteInventory.ReadAsync(world.Factory.Services);
        // A page model's method named On<Something> is taken for a handler of HTTP method <Something>: a filter
        // override (OnPageHandlerExecutionAsync) once answered "PAGE /account?handler=HandlerExecution" with a 500.
        var verbs = new[] { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "ANY", "HUB" };
        Assert.All(served, route => Assert.Contains(route.Split(' ')[0], verbs));
        var rows = Table.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var missing = served.Where(r => !rows.Contains(r)).ToList();
        var gone = rows.Where(r => !served.Contains(r)).ToList();
        var message = new StringBuilder();
        if (missing.Count > 0)
            message.AppendLine("These routes have no row in the authorization matrix (add one, see the README's testing section):")
                .AppendJoin('\n', missing.Select(m => $"    new(\"{m} | ?? ?? ?? ?? ?? ?? ?? ?? ??\"),")).AppendLine();
        if (gone.Count > 0)
            message.AppendLine("These rows name a route the app no longer serves:").AppendJoin('\n', gone).AppendLine();
        Assert.True(message.Length == 0, message.ToString());
        Assert.Equal(Table.Length, Table.Select(r => r.Key + r.Variant).Distinct().Count());
    }

    [Fact]
    public async Task Every_role_gets_the_answer_in_the_table_on_every_route()
    {
        var failures = new List<string>();
        var actualTable = new List<string>();
        var allowedWrites = 0;
        foreach (var row in Table.Where(r => r.Kind != RowKind.Hub))
        {
            var actual = new string[Roles.Length];
            // Denied roles first, so an allowed probe that changes the shared target cannot change their answer.
            foreach (var role in Roles.OrderBy(r => Outcomes.Denials.Contains(row.Codes[(int)r]) ? 0 : 1))
            {
                var expected = row.Codes[(int)role];
                var probe = await ProbeAsync(row, role, world.ForP, fresh: !Outcomes.Denials.Contains(expected));
                actual[(int)role] = probe.Code;
                if (probe.Code != expected)
                    failures.Add($"{row.Key}{row.Variant} as {role}: expected {expected}, got {probe.Code} ({probe.Detail})");
                if (Outcomes.Denials.Contains(expected) && probe.Writes.Count > 0)
                    failures.Add($"{row.Key}{row.Variant} as {role}: denied, yet it wrote: {string.Join(" | ", probe.Writes)}");
                if (probe.Code == "500")
                    failures.Add($"{row.Key}{row.Variant} as {role}: server error {probe.Detail}");
                if (!Outcomes.Denials.Contains(expected)) allowedWrites += probe.Writes.Count;
            }
            actualTable.Add($"    new(\"{row.Key.PadRight(62)}| {string.Join(' ', actual.Select(a => a.PadRight(3)))}\"),{row.Variant}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n\nWhat the app answered:\n" + string.Join('\n', actualTable));
        // The watch sees writes: allowed probes (a withdrawal, a deleted item, a closed session …) made some.
        Assert.True(allowedWrites > 0, "No allowed probe wrote anything: the write watch is not watching, so \"denied, nothing written\" proves nothing.");
    }

    [Fact]
    public async Task Every_role_gets_the_answer_in_the_table_from_every_hub_method()
    {
        var failures = new List<string>();
        var actualTable = new List<string>();
        var allowedWrites = 0;
        foreach (var row in Table.Where(r => r.Kind == RowKind.Hub))
        {
            var actual = new string[Roles.Length];
            foreach (var role in Roles.OrderBy(r => Outcomes.Denials.Contains(row.Codes[(int)r]) ? 0 : 1))
            {
                var expected = row.Codes[(int)role];
                var probe = await HubProbeAsync(row, role, fresh: !Outcomes.Denials.Contains(expected));
                actual[(int)role] = probe.Code;
                if (probe.Code != expected)
                    failures.Add($"{row.Key} as {role}: expected {expected}, got {probe.Code} ({probe.Detail})");
                if (Outcomes.Denials.Contains(expected) && probe.Writes.Count > 0)
                    failures.Add($"{row.Key} as {role}: denied, yet it wrote: {string.Join(" | ", probe.Writes)}");
                if (!Outcomes.Denials.Contains(expected)) allowedWrites += probe.Writes.Count;
            }
            actualTable.Add($"    new(\"{row.Key.PadRight(62)}| {string.Join(' ', actual.Select(a => a.PadRight(3)))}\"),");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n\nWhat the hub answered:\n" + string.Join('\n', actualTable));
        Assert.True(allowedWrites > 0, "No allowed hub call wrote anything: the write watch does not see hub calls.");
    }

    //  Codes: ok = allowed (2xx, or a redirect elsewhere) · 400 = allowed, refused as bad input (the probe sends an
    //  empty form) · in = sent to sign in · 401 · 403 · 404 (also "may not know it exists").
    //  Columns: anonymous (ano) · session guest (gst) · story-key holder (key) · observer · member · evaluator · facilitator ·
    //  another project's facilitator (pb2) · platform admin (adm). P (an open project) is the project in every route.
    private static readonly Row[] Table =
    [
        //                                                                  ano gst key obs mem eva fac pb2 adm
        // Home, language, errors, signing in
        new("GET /                                                        | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /programmas                                              | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /uitleg                                                  | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /privacy                                                 | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /taal                                                    | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /taal                                                   | ok  ok  ok  ok  ok  ok  ok  ok  ok", twin: true),
        new("GET /fout/{code:int?}                                        | 404 404 404 404 404 404 404 404 404"),
        new("POST /fout/{code:int?}                                       | 404 404 404 404 404 404 404 404 404"),
        new("GET /registreren                                             | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /registreren                                            | 400 400 400 400 400 400 400 400 400"),
        new("GET /inloggen                                                | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /inloggen                                               | 400 400 400 400 400 400 400 400 400"),
        new("GET /inloggen/link                                           | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /inloggen/link                                          | 400 400 400 400 400 400 400 400 400"),
        new("GET /inloggen/link/{token}                                   | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /inloggen/link/{token}                                  | 400 400 400 400 400 400 400 400 400"),
        new("GET /uitloggen                                               | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /uitloggen                                              | ok  ok  ok  ok  ok  ok  ok  ok  ok", twin: true),

        // Own account, personal data, notifications
        new("GET /account                                                 | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("GET /account?handler=ExportStatus                            | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("POST /account                                                | in  in  in  400 400 400 400 400 400"),
        new("POST /account?handler=Export                                 | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("POST /account?handler=Password                               | in  in  in  400 400 400 400 400 400"),
        new("GET /account/gegevens/{id:int}                               | in  in  in  404 ok  404 404 404 404", query: "token={ExportToken}"),
        new("GET /account/verwijderen                                     | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("POST /account/verwijderen                                    | in  in  in  ok  400 ok  400 400 ok"),
        new("GET /account/verwijderen/bevestigen                          | in  in  in  400 400 400 400 400 400", query: "token={UnknownToken}"),
        new("POST /account/verwijderen/bevestigen                         | in  in  in  400 400 400 400 400 400", query: "token={UnknownToken}"),
        new("GET /account/verwijderd                                      | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /mijn                                                    | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("POST /mijn?handler=Accept                                    | in  in  in  404 404 404 404 404 404"),
        new("GET /meldingen                                               | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("POST /meldingen?handler=Read                                 | in  in  in  ok  ok  ok  ok  ok  ok"),

        // Platform administration
        new("GET /beheer                                                  | in  in  in  403 403 403 403 403 ok"),
        new("POST /beheer?handler=AddTheme                                | in  in  in  403 403 403 403 403 400"),
        new("POST /beheer?handler=RemoveTheme                             | in  in  in  403 403 403 403 403 404"),
        new("GET /beheer/mensen                                           | in  in  in  403 403 403 403 403 ok"),
        new("POST /beheer/mensen?handler=Block                            | in  in  in  403 403 403 403 403 ok", body: "userId={Throwaway}"),
        new("POST /beheer/mensen?handler=Unblock                          | in  in  in  403 403 403 403 403 ok", body: "userId={Throwaway}"),
        new("POST /beheer/mensen?handler=Link                             | in  in  in  403 403 403 403 403 ok", body: "userId={Throwaway}"),
        new("GET /beheer/mensen/verwijderen                               | in  in  in  403 403 403 403 403 ok", query: "userId={Throwaway}"),
        new("POST /beheer/mensen/verwijderen                              | in  in  in  403 403 403 403 403 400", query: "userId={Throwaway}"),
        new("GET /beheer/logboek                                          | in  in  in  403 403 403 403 403 ok"),
        new("GET /beheer/logboek                                          | in  in  in  403 403 403 403 403 ok", query: "formaat=csv"),
        new("GET /beheer/bewaartermijnen                                  | in  in  in  403 403 403 403 403 ok"),
        new("POST /beheer/bewaartermijnen                                 | in  in  in  403 403 403 403 403 ok"),

        // Programmes and projects
        new("GET /programmas/{id:int}                                     | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /programmas/nieuw                                        | in  in  in  403 403 403 403 403 ok"),
        new("POST /programmas/nieuw                                       | in  in  in  403 403 403 403 403 400"),
        new("POST /programmas/nieuw?handler=AddPartner                    | in  in  in  403 403 403 403 403 404"),
        new("POST /programmas/nieuw?handler=RemovePartner                 | in  in  in  403 403 403 403 403 404"),
        new("GET /programmas/{id:int}/overzicht                           | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /programmas/{id:int}/overzicht.csv                       | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /programmas/{id:int}/bewerken                            | in  in  in  403 403 403 403 403 ok"),
        new("POST /programmas/{id:int}/bewerken                           | in  in  in  403 403 403 403 403 400"),
        new("POST /programmas/{id:int}/bewerken?handler=AddPartner        | in  in  in  403 403 403 403 403 400"),
        new("POST /programmas/{id:int}/bewerken?handler=RemovePartner     | in  in  in  403 403 403 403 403 404"),
        new("GET /projecten/nieuw                                         | in  in  in  ok  ok  ok  ok  ok  ok", query: "programmeId={Programme}"),
        new("POST /projecten/nieuw                                        | in  in  in  400 400 400 400 400 400", query: "programmeId={Programme}"),
        new("GET /projecten/{id:int}                                      | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/bewerken                             | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{id:int}/bewerken                            | in  in  in  403 403 403 400 403 400"),
        new("GET /projecten/{id:int}/fase                                 | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{id:int}/fase                                | in  in  in  403 403 403 400 403 400"),
        #region Gates (issue 12)
        new("GET /projecten/{id:int}/fase/advies-vragen                   | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{id:int}/fase/advies-vragen                  | in  in  in  403 403 403 400 403 400"),
        new("GET /adviesvragen/{id:int}                                   | in  in  in  ok  ok  ok  ok  403 ok", path: "/adviesvragen/{AdviceRequest}"),
        new("POST /adviesvragen/{id:int}                                  | in  in  in  403 403 400 403 403 403", path: "/adviesvragen/{AdviceRequest}"),
        #endregion

        // Members and invitations
        new("GET /projecten/{id:int}/leden                                | in  in  in  ok  ok  ok  ok  403 ok"),
        new("POST /projecten/{id:int}/leden?handler=Role                  | in  in  in  403 403 403 ok  403 ok", body: "membershipId={ObserverMembership}&role=Observer"),
        new("POST /projecten/{id:int}/leden?handler=Remove                | in  in  in  403 403 403 ok  403 ok", body: "membershipId={ObserverMembership}", fresh: w => w.FreshProjectAsync()),
        new("POST /projecten/{id:int}/leden?handler=Perspective           | in  in  in  ok  ok  ok  ok  403 403"),
        new("POST /projecten/{id:int}/leden?handler=Revoke                | in  in  in  403 403 403 ok  403 ok", body: "invitationId={InvitationId}", fresh: w => w.FreshProjectAsync()),
        new("GET /projecten/{id:int}/leden/uitnodigen                     | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{id:int}/leden/uitnodigen                    | in  in  in  403 403 403 400 403 400"),
        new("POST /projecten/{id:int}/leden/uitnodigen?handler=Link       | in  in  in  403 403 403 ok  403 ok"),
        new("GET /uitnodiging/{token}                                     | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /uitnodiging/{token}                                    | in  in  in  ok  ok  ok  ok  ok  ok", fresh: w => w.FreshInvitationAsync()),

        // The project's logboek and news
        new("GET /projecten/{id:int}/logboek                              | in  in  in  403 403 403 ok  403 ok"),
        new("GET /projecten/{id:int}/logboek                              | in  in  in  403 403 403 ok  403 ok", query: "formaat=csv"),
        new("GET /nieuws/nieuw                                            | in  in  in  403 403 403 ok  403 ok", query: "projectId={P}"),
        new("POST /nieuws/nieuw                                           | in  in  in  403 403 403 400 403 400", query: "projectId={P}"),
        new("GET /nieuws/{id:int}                                         | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /nieuws/{id:int}/bewerken                                | in  in  in  403 403 403 ok  403 ok"),
        new("POST /nieuws/{id:int}/bewerken                               | in  in  in  403 403 403 400 403 400"),
        new("POST /nieuws/{id:int}/bewerken?handler=Delete                | in  in  in  403 403 403 ok  403 ok", fresh: w => w.FreshNewsAsync()),

        // Stories: the key holder's team-only story is {id}
        new("GET /projecten/{id:int}/verhalen                             | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/verhalen/export                      | in  in  in  403 403 ok  ok  403 403", query: "format=csv"),
        new("GET /projecten/{id:int}/verhalen/export                      | in  in  in  403 403 ok  ok  403 403", query: "format=xlsx"),
        new("GET /projecten/{id:int}/verhalen/delen                       | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("POST /projecten/{id:int}/verhalen/delen                      | in  in  in  400 400 400 400 400 400"),
        new("GET /projecten/{id:int}/verhalen/optekenen                   | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{id:int}/verhalen/optekenen                  | in  in  in  403 403 403 400 403 400"),
        new("GET /projecten/{id:int}/verhaalvragen                        | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{id:int}/verhaalvragen?handler=Add           | in  in  in  403 403 403 400 403 400"),
        new("POST /projecten/{id:int}/verhaalvragen?handler=Edit          | in  in  in  403 403 403 ok  403 ok", body: "promptId={Prompt}&text=Nieuwe vraag"),
        new("POST /projecten/{id:int}/verhaalvragen?handler=Archive       | in  in  in  403 403 403 ok  403 ok", body: "promptId={Prompt}"),
        new("POST /projecten/{id:int}/verhaalvragen?handler=Restore       | in  in  in  403 403 403 ok  403 ok", body: "promptId={Prompt}"),
        new("POST /projecten/{id:int}/verhaalvragen?handler=Up            | in  in  in  403 403 403 ok  403 ok", body: "promptId={Prompt}"),
        new("POST /projecten/{id:int}/verhaalvragen?handler=Down          | in  in  in  403 403 403 ok  403 ok", body: "promptId={Prompt}"),
        new("POST /projecten/{id:int}/verhaalvragen?handler=ShareOn       | in  in  in  403 403 403 ok  403 ok", fresh: w => w.FreshProjectAsync()),
        new("POST /projecten/{id:int}/verhaalvragen?handler=ShareOff      | in  in  in  403 403 403 ok  403 ok", fresh: w => w.FreshProjectAsync()),
        new("POST /projecten/{id:int}/verhaalvragen?handler=ShareRenew    | in  in  in  403 403 403 ok  403 ok", fresh: w => w.FreshProjectAsync()),
        new("GET /delen/{token}                                           | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /delen/{token}                                          | 400 400 400 400 400 400 400 400 400"),
        new("GET /delen/bedankt                                           | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /delen/bedankt                                          | 404 404 404 404 404 404 404 404 404"),
        new("GET /v/{code?}                                               | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /verhalen/{id:int}                                       | 404 404 ok  404 ok  ok  ok  404 404"),
        new("GET /verhalen/{id:int}/toestemming                           | 404 404 ok  404 403 403 ok  404 404"),
        new("POST /verhalen/{id:int}/toestemming                          | 404 404 400 404 403 403 400 404 404", fresh: w => w.FreshStoryAsync()),
        new("GET /verhalen/{id:int}/intrekken                             | 404 404 ok  404 403 403 ok  404 404"),
        new("POST /verhalen/{id:int}/intrekken                            | 404 404 ok  404 403 403 ok  404 404", fresh: w => w.FreshStoryAsync()),
        new("GET /verhalen/{id:int}/briefje                               | in  in  in  404 403 403 ok  404 404", path: "/verhalen/{RecordedStory}/briefje"),
        new("POST /verhalen/{id:int}/briefje                              | in  in  in  404 403 403 ok  404 404", fresh: w => w.FreshStoryAsync()),
        new("GET /verhalen/{id:int}/duiden                                | 404 404 ok  404 403 403 403 404 404"),
        new("POST /verhalen/{id:int}/duiden                               | 404 404 ok  404 403 403 ok  404 404", fresh: w => w.FreshStoryAsync()),
        new("GET /verhalen/{id:int}/wat-is-ermee-gebeurd                  | 404 404 ok  404 404 404 404 404 404"),

        // Signification
        new("GET /projecten/{id:int}/duidingskader                        | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{id:int}/duidingskader?handler=Save          | in  in  in  403 403 403 400 403 400", fresh: w => w.FreshProjectAsync()),
        new("POST /projecten/{id:int}/duidingskader?handler=Move          | in  in  in  403 403 403 400 403 400", fresh: w => w.FreshProjectAsync()),
        new("POST /projecten/{id:int}/duidingskader?handler=Remove        | in  in  in  403 403 403 400 403 400", fresh: w => w.FreshProjectAsync()),
        new("GET /projecten/{id:int}/analyse                              | ok  ok  ok  ok  ok  ok  ok  ok  ok"),

        // The thread: {id} is an insight written by the member
        new("GET /projecten/{id:int}/draad                                | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/draad/nieuw                          | in  in  in  403 ok  ok  ok  403 403", query: "soort=inzicht"),
        new("POST /projecten/{id:int}/draad/nieuw                         | in  in  in  403 400 400 400 403 403", query: "soort=inzicht"),
        new("GET /projecten/{id:int}/zoeken                               | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "q={SearchWord}"),
        new("GET /draad/{id:int}                                          | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /draad/{id:int}/spoor                                    | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /draad/{id:int}/bewerken                                 | in  in  in  403 ok  403 ok  403 ok"),
        new("POST /draad/{id:int}/bewerken                                | in  in  in  403 400 403 400 403 400"),
        new("POST /draad/{id:int}/bewerken?handler=Up                     | in  in  in  403 ok  403 ok  403 ok", path: "/draad/{Journey}/bewerken", body: "stepId={JourneyStep}"),
        new("POST /draad/{id:int}/bewerken?handler=Down                   | in  in  in  403 ok  403 ok  403 ok", path: "/draad/{Journey}/bewerken", body: "stepId={JourneyStep}"),
        new("POST /draad/{id:int}/bewerken?handler=RemoveStep             | in  in  in  403 ok  403 ok  403 ok", path: "/draad/{Journey}/bewerken", body: "stepId={JourneyStep}", fresh: w => w.FreshJourneyAsync()),
        new("GET /draad/{id:int}/stap/{stepId:int?}                       | in  in  in  403 ok  403 ok  403 ok", path: "/draad/{Journey}/stap/{JourneyStep}"),
        new("POST /draad/{id:int}/stap/{stepId:int?}                      | in  in  in  403 400 403 400 403 400", path: "/draad/{Journey}/stap/{JourneyStep}"),
        new("GET /draad/{id:int}/verwijderen                              | in  in  in  403 ok  403 ok  403 ok"),
        new("POST /draad/{id:int}/verwijderen                             | in  in  in  403 ok  403 ok  403 ok", fresh: w => w.FreshItemAsync()),
        new("GET /draad/{id:int}/reactie                                  | in  in  in  403 ok  ok  ok  403 403"),
        new("POST /draad/{id:int}/reactie                                 | in  in  in  403 400 400 400 403 403"),
        new("GET /draad/{id:int}/verband                                  | in  in  in  403 ok  ok  ok  403 403", query: "q={SearchWord}"),
        new("POST /draad/{id:int}/verband                                 | in  in  in  403 400 400 400 403 403"),
        new("GET /reacties/{id:int}/bewerken                              | in  in  in  403 ok  403 ok  403 ok"),
        new("POST /reacties/{id:int}/bewerken                             | in  in  in  403 400 403 400 403 400"),
        new("POST /reacties/{id:int}/bewerken?handler=Delete              | in  in  in  403 ok  403 ok  403 ok", fresh: w => w.FreshCommentAsync()),
        new("GET /verbanden/{id:int}/verwijderen                          | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("POST /verbanden/{id:int}/verwijderen                         | in  in  in  403 ok  403 ok  403 ok", fresh: w => w.FreshLinkAsync()),

        // Live sessions: {id} is a running session (write step); the guest and the team are in it
        new("GET /projecten/{projectId:int}/sessies                       | in  in  in  ok  ok  ok  ok  403 ok"),
        new("GET /projecten/{projectId:int}/sessies/nieuw                 | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{projectId:int}/sessies/nieuw                | in  in  in  403 403 403 400 403 400"),
        new("GET /doe-mee/{code?}                                         | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /doe-mee/{code?}                                        | 400 400 400 400 ok  ok  ok  ok  ok", fresh: w => w.FreshSessionAsync()),
        new("GET /sessies/{id:int}                                        | 404 ok  404 ok  ok  ok  ok  404 ok"),
        new("GET /sessies/{id:int}/scherm                                 | 404 ok  404 ok  ok  ok  ok  404 ok"),
        new("GET /sessies/{id:int}/samenvatting                           | 404 ok  404 ok  ok  ok  ok  404 ok"),
        new("GET /sessies/{id:int}/klaar                                  | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /sessies/{id:int}/klaar                                 | 404 ok  404 403 ok  ok  ok  404 403"),
        new("GET /sessies/{id:int}/post-its/{noteId:int?}                 | 404 ok  404 404 404 404 404 404 404"),
        new("POST /sessies/{id:int}/post-its/{noteId:int?}?handler=Add    | 404 400 404 403 400 400 400 404 403"),
        new("POST /sessies/{id:int}/post-its/{noteId:int?}?handler=Edit   | 404 400 404 403 403 403 403 404 403"),
        new("POST /sessies/{id:int}/post-its/{noteId:int?}?handler=Delete | 404 ok  404 403 403 403 ok  404 ok", fresh: w => w.FreshNoteAsync()),
        new("GET /sessies/{id:int}/clusters                               | ok  ok  ok  ok  ok  ok  ok  ok  ok", path: "/sessies/{Clustering}/clusters"),
        new("POST /sessies/{id:int}/clusters?handler=New                  | 404 400 404 403 400 400 400 404 400", path: "/sessies/{Clustering}/clusters"),
        new("POST /sessies/{id:int}/clusters?handler=Rename               | 404 ok  404 403 ok  ok  ok  404 ok", path: "/sessies/{Clustering}/clusters", body: "Input.ClusterId={ClusterA}&Input.Name=Hernoemd"),
        new("POST /sessies/{id:int}/clusters?handler=Move                 | 404 ok  404 403 ok  ok  ok  404 ok", path: "/sessies/{Clustering}/clusters", body: "Input.NoteId={ClusterNote}&Input.ClusterId={ClusterB}"),
        new("POST /sessies/{id:int}/clusters?handler=Merge                | 404 403 404 403 403 403 ok  404 ok", path: "/sessies/{Clustering}/clusters", body: "Input.ClusterId={ClusterA}&Input.IntoClusterId={ClusterB}", fresh: w => w.FreshClusterAsync()),
        new("GET /sessies/{id:int}/stemmen                                | ok  ok  ok  ok  ok  ok  ok  ok  ok", path: "/sessies/{Voting}/stemmen"),
        new("POST /sessies/{id:int}/stemmen?handler=Vote                  | 404 ok  404 403 ok  ok  ok  404 403", path: "/sessies/{Voting}/stemmen", body: "NoteId={VoteNote}"),
        new("POST /sessies/{id:int}/stemmen?handler=Unvote                | 404 ok  404 403 ok  ok  ok  404 403", path: "/sessies/{Voting}/stemmen", body: "NoteId={VoteNote}"),
        new("GET /sessies/{id:int}/ideeen                                 | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /sessies/{id:int}/ideeen?handler=Note                   | 404 in  404 403 403 403 ok  404 ok", body: "noteId={Note}&knowledgeSource=Experience"),
        new("POST /sessies/{id:int}/ideeen?handler=Cluster                | 404 in  404 403 403 403 ok  404 ok", body: "clusterId={ClusterA}&knowledgeSource=Experience", path: "/sessies/{Clustering}/ideeen"),
        new("GET /sessies/{id:int}/leiden                                 | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /sessies/{id:int}/leiden?handler=Start                  | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshPlannedSessionAsync()),
        new("POST /sessies/{id:int}/leiden?handler=Next                   | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync()),
        new("POST /sessies/{id:int}/leiden?handler=Previous               | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync()),
        new("POST /sessies/{id:int}/leiden?handler=Step                   | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync(), body: "stepId={SessionVoteStep}"),
        new("POST /sessies/{id:int}/leiden?handler=Timer                  | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync(), body: "stepId={SessionStep}&action=Pause"),
        new("POST /sessies/{id:int}/leiden?handler=Reveal                 | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync(), body: "stepId={SessionStep}"),
        new("POST /sessies/{id:int}/leiden?handler=CloseVoting            | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync(), body: "stepId={SessionVoteStep}"),
        new("POST /sessies/{id:int}/leiden?handler=Summon                 | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync()),
        new("POST /sessies/{id:int}/leiden?handler=Close                  | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync()),
        new("POST /sessies/{id:int}/leiden?handler=Remove                 | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshParticipantAsync(), body: "participantId={Participant}"),
        new("POST /sessies/{id:int}/leiden?handler=Joining                | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshSessionAsync(), body: "joining=Closed"),
        new("POST /sessies/{id:int}?handler=Perspective                   | 404 ok  404 403 ok  ok  ok  404 403"),
        new("POST /sessies/{id:int}/leiden?handler=TallyRule              | 404 in  404 403 403 403 ok  404 ok", fresh: w => w.FreshPlannedSessionAsync(), body: "Rule.SmallGroupRule=proportional&Rule.MinVoters=4"),
        new("GET /sessies/{id:int}/voorbereiden                           | in  in  in  403 403 403 ok  404 ok", path: "/sessies/{Planned}/voorbereiden"),
        new("POST /sessies/{id:int}/voorbereiden?handler=Details          | in  in  in  403 403 403 400 404 400", path: "/sessies/{Planned}/voorbereiden"),
        new("POST /sessies/{id:int}/voorbereiden?handler=AddStep          | in  in  in  403 403 403 400 404 400", path: "/sessies/{Planned}/voorbereiden"),
        new("POST /sessies/{id:int}/voorbereiden?handler=EditStep         | in  in  in  403 403 403 400 404 400", path: "/sessies/{Planned}/voorbereiden", body: "stepId={PlannedStep}", fresh: w => w.FreshPlannedSessionAsync()),
        new("POST /sessies/{id:int}/voorbereiden?handler=MoveStep         | in  in  in  403 403 403 ok  404 ok", path: "/sessies/{Planned}/voorbereiden", body: "stepId={PlannedStep}&direction=1"),
        new("POST /sessies/{id:int}/voorbereiden?handler=RemoveStep       | in  in  in  403 403 403 ok  404 ok", path: "/sessies/{Planned}/voorbereiden", body: "stepId={PlannedStep}", fresh: w => w.FreshPlannedSessionAsync()),
        new("POST /sessies/{id:int}/voorbereiden?handler=TallyRule        | in  in  in  403 403 403 ok  404 ok", path: "/sessies/{Planned}/voorbereiden", body: "Rule.SmallGroupRule=apart&Rule.MinVoters=5", fresh: w => w.FreshPlannedSessionAsync()),

        // Ideas (issue 12): the idea page with support and status, the project's list
        new("GET /ideeen/{id:int}                                         | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /ideeen/{id:int}?handler=Support                        | in  in  in  ok  ok  ok  ok  400 400"),
        new("POST /ideeen/{id:int}?handler=Withdraw                       | in  in  in  ok  ok  ok  ok  ok  ok", fresh: w => w.FreshSupportedIdeaAsync()),
        new("POST /ideeen/{id:int}?handler=Status                         | in  in  in  403 403 403 400 403 400"),
        new("GET /projecten/{id:int}/ideeen                               | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        // Prototypes (issue 12): {id} is P's prototype (from an idea, with an assumption and an attachment), made by the facilitator
        new("GET /projecten/{id:int}/prototypes                           | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/prototypes/nieuw                     | in  in  in  403 403 403 ok  403 ok"),
        new("POST /projecten/{id:int}/prototypes/nieuw                    | in  in  in  403 403 403 400 403 400"),
        new("GET /prototypes/{id:int}                                     | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /prototypes/{id:int}/bewerken                            | in  in  in  403 ok  ok  ok  403 ok"),
        new("POST /prototypes/{id:int}/bewerken                           | in  in  in  403 400 400 400 403 400"),
        new("GET /prototypes/{id:int}/aannames                            | in  in  in  403 ok  ok  ok  403 ok"),
        new("POST /prototypes/{id:int}/aannames                           | in  in  in  403 400 400 400 403 400"),
        new("POST /prototypes/{id:int}/aannames?handler=Remove            | in  in  in  403 ok  ok  ok  403 ok", body: "assumptionId={Assumption}", fresh: w => w.FreshAssumptionAsync()),
        new("GET /prototypes/{id:int}/aannames/{assumptionId:int}         | in  in  in  403 ok  ok  ok  403 ok"),
        new("POST /prototypes/{id:int}/aannames/{assumptionId:int}        | in  in  in  403 400 400 400 403 400"),
        new("GET /prototypes/{id:int}/bijlagen                            | in  in  in  403 ok  ok  ok  403 ok"),
        new("POST /prototypes/{id:int}/bijlagen                           | in  in  in  403 400 400 400 403 400"),
        new("POST /prototypes/{id:int}/bijlagen?handler=Remove            | in  in  in  403 ok  ok  ok  403 ok", body: "attachmentId={Attachment}", fresh: w => w.FreshAttachmentAsync()),
        new("GET /bijlagen/{id:int}                                       | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        // Experiments (issue 12, helper X): proeven in P; {Experiment} runs, {Preparing} is being prepared, {Ended} has no results yet, {Decidable} has them all
        new("GET /projecten/{id:int}/proeven                              | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/proeven/nieuw                        | in  in  in  403 ok  ok  ok  403 403"),
        new("POST /projecten/{id:int}/proeven/nieuw                       | in  in  in  403 400 400 400 403 403"),
        new("GET /projecten/{id:int}/proeven/export                       | in  in  in  403 ok  ok  ok  403 403", query: "format=csv"),
        new("GET /projecten/{id:int}/proeven/export                       | in  in  in  403 ok  ok  ok  403 403", query: "format=xlsx"),
        new("GET /proeven/{id:int}                                        | ok  ok  ok  ok  ok  ok  ok  ok  ok", path: "/proeven/{Experiment}"),
        new("POST /proeven/{id:int}?handler=Start                         | in  in  in  403 ok  ok  ok  403 403", path: "/proeven/{Preparing}", fresh: w => w.FreshPreparingExperimentAsync()),
        new("POST /proeven/{id:int}?handler=End                           | in  in  in  403 ok  ok  ok  403 403", path: "/proeven/{Experiment}", fresh: w => w.FreshRunningExperimentAsync()),
        new("GET /proeven/{id:int}/observatie                             | in  in  in  403 ok  ok  ok  403 403", path: "/proeven/{Experiment}/observatie"),
        new("POST /proeven/{id:int}/observatie                            | in  in  in  403 400 400 400 403 403", path: "/proeven/{Experiment}/observatie"),
        new("GET /proeven/{id:int}/meting                                 | in  in  in  403 ok  ok  ok  403 403", path: "/proeven/{Experiment}/meting"),
        new("POST /proeven/{id:int}/meting                                | in  in  in  403 400 400 400 403 403", path: "/proeven/{Experiment}/meting"),
        new("GET /proeven/{id:int}/resultaten                             | in  in  in  403 403 403 ok  403 ok", path: "/proeven/{Ended}/resultaten"),
        new("POST /proeven/{id:int}/resultaten                            | in  in  in  403 403 403 400 403 400", path: "/proeven/{Ended}/resultaten"),
        new("GET /proeven/{id:int}/besluit                                | in  in  in  403 403 403 ok  403 ok", path: "/proeven/{Decidable}/besluit"),
        new("POST /proeven/{id:int}/besluit                               | in  in  in  403 403 403 400 403 400", path: "/proeven/{Decidable}/besluit"),
        #region Experiments, editing (issue 12): the team changes a proef until it is decided ({Experiment} runs)
        new("GET /proeven/{id:int}/bewerken                               | in  in  in  403 ok  ok  ok  403 403", path: "/proeven/{Experiment}/bewerken"),
        new("POST /proeven/{id:int}/bewerken                              | in  in  in  403 400 400 400 403 403", path: "/proeven/{Experiment}/bewerken"),
        #endregion
        new("GET /proeven/{id:int}/verslag                                | ok  ok  ok  ok  ok  ok  ok  ok  ok", path: "/proeven/{Decidable}/verslag"),
        #region Feedback (issue 12): forms of the running proef; {FeedbackForm} is open, {FeedbackToken} its link; answers are team-only
        new("GET /proeven/{id:int}/feedback                               | in  in  in  ok  ok  ok  ok  403 ok", path: "/proeven/{Experiment}/feedback"),
        new("GET /proeven/{id:int}/feedback/nieuw                         | in  in  in  403 ok  ok  ok  403 403", path: "/proeven/{Experiment}/feedback/nieuw"),
        new("POST /proeven/{id:int}/feedback/nieuw                        | in  in  in  403 400 400 400 403 403", path: "/proeven/{Experiment}/feedback/nieuw"),
        new("GET /feedback/{id:int}                                       | in  in  in  ok  ok  ok  ok  403 ok", path: "/feedback/{FeedbackForm}"),
        new("POST /feedback/{id:int}?handler=Close                        | in  in  in  403 ok  ok  ok  403 403", path: "/feedback/{FeedbackForm}", fresh: w => w.FreshFeedbackFormAsync(open: true)),
        new("POST /feedback/{id:int}?handler=Open                         | in  in  in  403 ok  ok  ok  403 403", path: "/feedback/{FeedbackForm}", fresh: w => w.FreshFeedbackFormAsync(open: false)),
        new("GET /feedback/{id:int}/briefjes                              | in  in  in  ok  ok  ok  ok  403 ok", path: "/feedback/{FeedbackForm}/briefjes"),
        new("POST /feedback/{id:int}/briefjes                             | in  in  in  403 400 400 400 403 403", path: "/feedback/{FeedbackForm}/briefjes"),
        new("GET /feedback/{id:int}/antwoorden                            | in  in  in  ok  ok  ok  ok  403 ok", path: "/feedback/{FeedbackForm}/antwoorden"),
        new("POST /feedback/{id:int}/antwoorden                           | in  in  in  403 400 400 400 403 403", path: "/feedback/{FeedbackForm}/antwoorden"),
        new("GET /f/{token}                                               | ok  ok  ok  ok  ok  ok  ok  ok  ok", path: "/f/{FeedbackToken}"),
        new("POST /f/{token}                                              | 400 400 400 400 400 400 400 400 400", path: "/f/{FeedbackToken}"),
        new("GET /f/bedankt                                               | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/feedback/export                      | in  in  in  403 ok  ok  ok  403 403", query: "format=csv"),
        new("GET /projecten/{id:int}/feedback/export                      | in  in  in  403 ok  ok  ok  403 403", query: "format=xlsx"),
        #endregion

        // Dashboard (issue 12): the project overview and its API, for whoever may read the project (Q: members and admin only, by the leak scan)
        new("GET /projecten/{id:int}/overzicht                            | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/projects/{id:int}/dashboard                      | ok  ok  ok  ok  ok  ok  ok  ok  ok"),

        #region Learning agenda (issue 13): {AgendaItem} is a question in P; the team and admins keep the agenda, evidence is linked through the thread's SaveLink (the team only)
        new("GET /projecten/{id:int}/leeragenda                           | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/leeragenda/nieuw                     | in  in  in  403 ok  ok  ok  403 ok"),
        new("POST /projecten/{id:int}/leeragenda/nieuw                    | in  in  in  403 400 400 400 403 400"),
        new("GET /projecten/{id:int}/leeragenda/export                    | in  in  in  403 ok  ok  ok  403 ok", query: "format=csv"),
        new("GET /projecten/{id:int}/leeragenda/export                    | in  in  in  403 ok  ok  ok  403 ok", query: "format=xlsx"),
        new("GET /leeragenda/{id:int}                                     | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /leeragenda/{id:int}?handler=Evidence                   | in  in  in  403 400 400 400 403 403"),
        new("GET /leeragenda/{id:int}/bewerken                            | in  in  in  403 ok  ok  ok  403 ok"),
        new("POST /leeragenda/{id:int}/bewerken                           | in  in  in  403 400 400 400 403 400"),
        new("GET /api/v1/projects/{id:int}/learning-agenda                | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        #endregion

        #region Innovatiereis (issue 13): {JourneyEntry} is a kwestie in P; the team and admins keep the journey
        new("GET /projecten/{id:int}/innovatiereis                        | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/innovatiereis/nieuw                  | in  in  in  403 ok  ok  ok  403 ok", query: "soort=kwestie"),
        new("POST /projecten/{id:int}/innovatiereis/nieuw                 | in  in  in  403 400 400 400 403 400", query: "soort=kwestie"),
        new("GET /innovatiereis/{id:int}                                  | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /innovatiereis/{id:int}/bewerken                         | in  in  in  403 ok  ok  ok  403 ok"),
        new("POST /innovatiereis/{id:int}/bewerken                        | in  in  in  403 400 400 400 403 400"),
        new("GET /projecten/{id:int}/innovatiereis/verslag                | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/innovatiereis/verslag                | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "format=docx"),
        new("GET /api/v1/projects/{id:int}/journey                        | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        #endregion

        #region Lessenbibliotheek (issue 13): {Lesson} is a team lesson in P: read by the project's members (observers too) and admins only; the team writes
        new("GET /lessen                                                  | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /lessen                                                  | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "project={P}&q=les&uitkomst=werkte"),
        new("GET /lessen/{id:int}                                         | 404 404 404 ok  ok  ok  ok  404 ok"),
        new("GET /projecten/{id:int}/lessen/nieuw                         | in  in  in  403 ok  ok  ok  403 ok"),
        new("POST /projecten/{id:int}/lessen/nieuw                        | in  in  in  403 400 400 400 403 400"),
        new("GET /lessen/{id:int}/bewerken                                | in  in  in  403 ok  ok  ok  404 ok"),
        new("POST /lessen/{id:int}/bewerken                               | in  in  in  403 400 400 400 404 400"),
        new("GET /api/v1/lessons                                          | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/lessons/{id:int}                                 | 404 404 404 ok  ok  ok  ok  404 ok"),
        new("GET /lessen/open-data.json                                   | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        #endregion

        #region Moderation (issue 14): {Item} is an insight in P (open); readers who are signed in report, P's facilitators and admins moderate (reacties: ModerationTests)
        new("GET /melden/{kind}/{id:int}                                  | in  in  in  ok  ok  ok  ok  ok  ok", path: "/melden/bijdrage/{Item}"),
        new("POST /melden/{kind}/{id:int}                                 | in  in  in  400 400 400 400 400 400", path: "/melden/bijdrage/{Item}"),
        new("GET /moderatie                                               | in  in  in  403 403 403 ok  ok  ok"),
        new("GET /moderatie/{kind}/{id:int}                               | in  in  in  404 404 404 ok  404 ok", path: "/moderatie/bijdrage/{Item}"),
        new("POST /moderatie/{kind}/{id:int}                              | in  in  in  404 404 404 400 404 400", path: "/moderatie/bijdrage/{Item}"),
        #endregion

        #region Activities (issue 14): {Activity} is an upcoming activity in P with places; its facilitators (and admins) plan, change and cancel it; anyone who reads it signs up
        new("GET /activiteiten                                            | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /activiteiten                                            | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "project={P}"),
        new("GET /activiteiten/nieuw                                      | in  in  in  403 403 403 ok  403 ok", query: "project={P}"),
        new("POST /activiteiten/nieuw                                     | in  in  in  403 403 403 400 403 400", query: "project={P}"),
        new("GET /activiteiten/{id:int}                                   | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /activiteiten/{id:int}?handler=Cancel                   | in  in  in  400 400 400 400 400 400"),
        new("GET /activiteiten/{id:int}/aanmelden                         | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /activiteiten/{id:int}/aanmelden                        | 400 400 400 ok  ok  ok  ok  ok  ok"),
        new("GET /activiteiten/{id:int}/afmelden                          | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /activiteiten/{id:int}/afmelden                         | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /activiteiten/{id:int}/afgelasten                        | in  in  in  403 403 403 ok  403 ok"),
        new("POST /activiteiten/{id:int}/afgelasten                       | in  in  in  403 403 403 400 403 400"),
        new("GET /activiteiten/{id:int}/bewerken                          | in  in  in  403 403 403 ok  403 ok"),
        new("POST /activiteiten/{id:int}/bewerken                         | in  in  in  403 403 403 400 403 400"),
        new("GET /activiteiten/{id:int}/aanmeldingen                      | in  in  in  403 403 403 ok  403 ok"),
        new("GET /activiteiten/{id:int}.ics                               | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/activiteiten.ics                     | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/activities                                       | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/activities/{id:int}.ics                          | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        #endregion

        #region Reflections (issue 13): {Reflection} is a planned reflection in P; evaluators and facilitators (and admins) plan and close it, the team answers, facilitators gather it in a live session
        new("GET /projecten/{id:int}/reflecties                           | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /projecten/{id:int}/reflecties/nieuw                     | in  in  in  403 403 ok  ok  403 ok"),
        new("POST /projecten/{id:int}/reflecties/nieuw                    | in  in  in  403 403 400 400 403 400"),
        new("GET /reflecties/{id:int}                                     | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /reflecties/{id:int}?handler=Session                    | in  in  in  403 403 403 ok  403 ok", fresh: w => w.FreshReflectionAsync()),
        new("GET /reflecties/{id:int}/antwoorden                          | in  in  in  403 ok  ok  ok  403 403"),
        new("POST /reflecties/{id:int}/antwoorden                         | in  in  in  403 400 400 400 403 403"),
        new("GET /reflecties/{id:int}/uitkomst                            | in  in  in  403 403 ok  ok  403 ok"),
        new("POST /reflecties/{id:int}/uitkomst                           | in  in  in  403 403 400 400 403 400"),
        new("GET /reflecties/{id:int}/bewerken                            | in  in  in  403 403 ok  ok  403 ok"),
        new("POST /reflecties/{id:int}/bewerken                           | in  in  in  403 403 400 400 403 400"),
        #endregion

        #region Review board (issue 13): the project's members (observers too) and admins read it; evaluators (and external reviewers) advise; the author withdraws open advice ({ReviewAdvice} is the matrix evaluator's in P)
        new("GET /projecten/{id:int}/review                               | in  in  in  ok  ok  ok  ok  403 ok"),
        new("POST /projecten/{id:int}/review                              | in  in  in  403 403 400 403 403 403"),
        new("POST /projecten/{id:int}/review?handler=Withdraw             | in  in  in  403 403 ok  403 403 403", body: "adviceId={ReviewAdvice}", fresh: w => w.FreshReviewAdviceAsync()),
        new("GET /api/v1/projects/{id:int}/review-advice                  | 403 403 403 ok  ok  ok  ok  403 ok"),
        #endregion

        #region Werkvormen (issue 13): {MethodCard} is a project-only card in P; facilitators keep the cards of their projects and programme (the other facilitator keeps R's, in the same programme)
        new("GET /werkvormen                                              | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /werkvormen                                              | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "project={P}"),
        new("GET /werkvormen/afdrukken                                    | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /werkvormen/afdrukken                                    | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "kaart={MethodCard}&kaart=stil-schrijven"),
        new("GET /werkvormen/{slug}                                       | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /werkvormen/{id:int}                                     | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /werkvormen/nieuw                                        | in  in  in  403 403 403 ok  ok  ok"),
        new("POST /werkvormen/nieuw                                       | in  in  in  403 403 403 400 400 400"),
        new("GET /werkvormen/{id:int}/bewerken                            | in  in  in  403 403 403 ok  403 ok"),
        new("POST /werkvormen/{id:int}/bewerken                           | in  in  in  403 403 403 400 403 400"),
        new("GET /werkvormen/{key}/kopieren                               | in  in  in  403 403 403 ok  ok  ok"),
        new("POST /werkvormen/{key}/kopieren                              | in  in  in  403 403 403 400 400 400"),
        new("GET /werkvormen/sessie                                       | in  in  in  403 403 403 ok  403 ok", query: "project={P}"),
        new("POST /werkvormen/sessie                                      | in  in  in  403 403 403 400 403 400", query: "project={P}"),
        new("GET /api/v1/method-cards                                     | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        #endregion

        #region Initiatives (issue 14): {Initiative} is the matrix member's initiative in P; members (not observers) start one in a project, anyone signed in in a programme; the initiators edit; facilitators of the project and admins respond; who may read pledges, except observers
        // Follows and digests (issue 14): signed in only; the unsubscribe link works without sign-in, by its token
        // (without one it is a 404 for everyone; FollowTests follows a real link from a digest).
        new("GET /volgen                                                  | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("POST /volgen                                                 | in  in  in  400 400 400 400 400 400"),
        new("POST /volgen?handler=Stop                                    | in  in  in  ok  ok  ok  ok  ok  ok"),
        new("GET /volgen/{topic}/{id:int}                                 | in  in  in  ok  ok  ok  ok  ok  ok", path: "/volgen/project/{P}"),
        new("POST /volgen/{topic}/{id:int}                                | in  in  in  ok  ok  ok  ok  ok  ok", path: "/volgen/project/{P}"),
        new("GET /volgen/afmelden                                         | 404 404 404 404 404 404 404 404 404"),
        new("POST /volgen/afmelden                                        | 404 404 404 404 404 404 404 404 404"),
        new("GET /initiatieven                                            | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /initiatieven                                            | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "project={P}&status=ontvangen&soort=buurtactiviteit"),
        new("GET /initiatieven/nieuw                                      | in  in  in  ok  ok  ok  ok  ok  ok", query: "programma={Programme}"),
        new("GET /initiatieven/nieuw                                      | in  in  in  403 ok  ok  ok  403 ok", query: "project={P}"),
        new("POST /initiatieven/nieuw                                     | in  in  in  400 400 400 400 400 400", query: "programma={Programme}"),
        new("POST /initiatieven/nieuw                                     | in  in  in  403 400 400 400 403 400", query: "project={P}"),
        new("GET /initiatieven/{id:int}                                   | ok  ok  ok  ok  ok  ok  ok  ok  ok", path: "/initiatieven/{Initiative}"),
        new("POST /initiatieven/{id:int}?handler=Pledge                   | in  in  in  403 400 400 400 400 400", path: "/initiatieven/{Initiative}"),
        new("POST /initiatieven/{id:int}?handler=Withdraw                 | in  in  in  400 400 400 400 400 400", path: "/initiatieven/{Initiative}"),
        new("GET /initiatieven/{id:int}/bewerken                          | in  in  in  403 ok  403 403 403 ok", path: "/initiatieven/{Initiative}/bewerken"),
        new("POST /initiatieven/{id:int}/bewerken                         | in  in  in  403 400 403 403 403 400", path: "/initiatieven/{Initiative}/bewerken"),
        new("GET /initiatieven/{id:int}/reactie                           | in  in  in  403 403 403 ok  403 ok", path: "/initiatieven/{Initiative}/reactie"),
        new("POST /initiatieven/{id:int}/reactie                          | in  in  in  403 403 403 400 403 400", path: "/initiatieven/{Initiative}/reactie"),
        new("GET /api/v1/initiatives                                      | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "programme={Programme}&status=received"),
        new("GET /api/v1/initiatives/{id:int}                             | ok  ok  ok  ok  ok  ok  ok  ok  ok", path: "/api/v1/initiatives/{Initiative}"),
        new("POST /api/v1/initiatives/{id:int}/pledges                    | 401 401 401 403 400 400 400 400 400", path: "/api/v1/initiatives/{Initiative}/pledges"),
        #endregion

        #region Vraag en aanbod (issue 14): {Offer} is the matrix member's aanbod in P; anyone signed in posts in a programme, members (not observers) in a project; everyone signed in but observers of its project replies and suggests matches; the owner (and admins) edit and close
        new("GET /vraag-en-aanbod                                         | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /vraag-en-aanbod                                         | ok  ok  ok  ok  ok  ok  ok  ok  ok", query: "project={P}&soort=aanbod&categorie=spullen"),
        new("GET /vraag-en-aanbod/nieuw                                   | in  in  in  ok  ok  ok  ok  ok  ok", query: "programma={Programme}"),
        new("GET /vraag-en-aanbod/nieuw                                   | in  in  in  403 ok  ok  ok  403 ok", query: "project={P}"),
        new("POST /vraag-en-aanbod/nieuw                                  | in  in  in  400 400 400 400 400 400", query: "programma={Programme}"),
        new("POST /vraag-en-aanbod/nieuw                                  | in  in  in  403 400 400 400 403 400", query: "project={P}"),
        new("GET /vraag-en-aanbod/{id:int}                                | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /vraag-en-aanbod/{id:int}?handler=Match                 | in  in  in  403 400 400 400 400 400"),
        new("POST /vraag-en-aanbod/{id:int}?handler=Message               | in  in  in  403 400 400 400 400 400"),
        new("POST /vraag-en-aanbod/{id:int}?handler=Close                 | in  in  in  403 ok  403 403 403 ok ", fresh: w => w.FreshOfferAsync()),
        new("POST /vraag-en-aanbod/{id:int}?handler=Reopen                | in  in  in  403 ok  403 403 403 ok ", fresh: w => w.FreshOfferAsync()),
        new("GET /vraag-en-aanbod/{id:int}/bewerken                       | in  in  in  403 ok  403 403 403 ok"),
        new("POST /vraag-en-aanbod/{id:int}/bewerken                      | in  in  in  403 400 403 403 403 400"),
        #endregion

        // API
        new("GET /api/v1/programmes                                       | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/programmes/{id:int}                              | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/programmes/{id:int}/dashboard                    | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/projects                                         | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/projects/{id:int}                                | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/projects/{id:int}/stories                        | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("POST /api/v1/projects/{id:int}/stories                       | 401 401 401 400 400 400 400 400 400"),
        new("GET /api/v1/stories/{id:int}                                 | 404 404 ok  404 ok  ok  ok  404 404"),
        new("GET /api/v1/projects/{id:int}/questions                      | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/items/{id:int}/trace                             | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/sessions/{id:int}                                | 401 ok  401 ok  ok  ok  ok  404 ok"),
        new("GET /api/v1/sessions/{id:int}/results                        | 401 ok  401 ok  ok  ok  ok  404 ok"),
        new("GET /api/v1/sessions/{id:int}/notes                          | 401 ok  401 ok  ok  ok  ok  404 ok"),
        new("POST /api/v1/sessions/{id:int}/notes                         | 401 400 401 403 400 400 400 404 403"),
        new("DELETE /api/v1/sessions/{id:int}/participants/{participantId:int} | 401 403 401 403 403 403 ok  404 ok", fresh: w => w.FreshParticipantAsync(), path: "/api/v1/sessions/{Session}/participants/{Participant}"),
        new("PUT /api/v1/sessions/{id:int}/joining                        | 401 403 401 403 403 403 400 404 400"),
        new("GET /api/v1/projects/{id:int}/ideas                          | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/ideas/{id:int}                                   | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        // Prototypes (issue 12)
        new("GET /api/v1/prototypes/{id:int}                              | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /api/v1/experiments/{id:int}                             | ok  ok  ok  ok  ok  ok  ok  ok  ok", path: "/api/v1/experiments/{Experiment}"),
        new("POST /api/v1/experiments/{id:int}/observations               | 401 401 401 403 400 400 400 403 403", path: "/api/v1/experiments/{Experiment}/observations"),

        // Files, operations, the hub's own endpoints
        new("GET /partners/{id:int}/logo                                  | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("ANY /health                                                  | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("ANY /health/ready                                            | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /openapi/{documentName}.json                             | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET /{**path:file}                                          | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("HEAD /{**path:file}                                         | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("GET (static assets)                                          | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("HUB /hubs/sessions                                           | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("HUB /hubs/sessions/negotiate                                 | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("HUB /hubs/sessie                                             | ok  ok  ok  ok  ok  ok  ok  ok  ok"),
        new("HUB /hubs/sessie/negotiate                                   | ok  ok  ok  ok  ok  ok  ok  ok  ok"),

        // Hub methods (SessionHub), asked over one connection per role
        new("HUB SessionHub.Enter                                         | 404 ok  404 ok  ok  ok  ok  404 ok", args: v => [I(v["Session"])]),
        new("HUB SessionHub.Rejoin                                        | 404 ok  404 ok  ok  ok  ok  404 ok", args: v => [I(v["Session"]), -1L]),
        new("HUB SessionHub.AddNote                                       | 404 ok  404 403 ok  ok  ok  404 403", args: v => [I(v["Session"]), "Post-it uit de matrix", null]),
        new("HUB SessionHub.EditNote                                      | 404 ok  404 403 403 403 403 404 403", args: v => [I(v["Session"]), I(v["Note"]), "Bewerkt in de matrix"]),
        new("HUB SessionHub.DeleteNote                                    | 404 ok  404 403 403 403 ok  404 ok", args: v => [I(v["Session"]), I(v["Note"])], fresh: w => w.FreshNoteAsync()),
        new("HUB SessionHub.AddCluster                                    | 404 ok  404 403 ok  ok  ok  404 ok", args: v => [I(v["Clustering"]), "Cluster uit de matrix", null]),
        new("HUB SessionHub.RenameCluster                                 | 404 ok  404 403 ok  ok  ok  404 ok", args: v => [I(v["Clustering"]), I(v["ClusterA"]), "Hernoemd"]),
        new("HUB SessionHub.MoveNote                                      | 404 ok  404 403 ok  ok  ok  404 ok", args: v => [I(v["Clustering"]), I(v["ClusterNote"]), I(v["ClusterB"])]),
        new("HUB SessionHub.MergeClusters                                 | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Clustering"]), I(v["ClusterA"]), I(v["ClusterB"])], fresh: w => w.FreshClusterAsync()),
        new("HUB SessionHub.CastVote                                      | 404 ok  404 403 ok  ok  ok  404 403", args: v => [I(v["Voting"]), I(v["VoteNote"]), null]),
        new("HUB SessionHub.RemoveVote                                    | 404 ok  404 403 ok  ok  ok  404 403", args: v => [I(v["Voting"]), I(v["VoteNote"])]),
        new("HUB SessionHub.Results                                       | 404 ok  404 ok  ok  ok  ok  404 ok", args: v => [I(v["Voted"]), I(v["VotedStep"])]),
        new("HUB SessionHub.MarkDone                                      | 404 ok  404 403 ok  ok  ok  404 403", args: v => [I(v["Session"]), true]),
        new("HUB SessionHub.StartSession                                  | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Session"])], fresh: w => w.FreshPlannedSessionAsync()),
        new("HUB SessionHub.GoToStep                                      | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Session"]), I(v["SessionVoteStep"])], fresh: w => w.FreshSessionAsync()),
        new("HUB SessionHub.ChangeTimer                                   | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Session"]), I(v["SessionStep"]), "Pause"], fresh: w => w.FreshSessionAsync()),
        new("HUB SessionHub.RevealNotes                                   | 404 403 404 403 403 403 400 404 400", args: v => [I(v["Session"]), I(v["SessionStep"])], fresh: w => w.FreshSessionAsync()),
        new("HUB SessionHub.CloseVoting                                   | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Session"]), I(v["SessionVoteStep"])], fresh: w => w.FreshSessionAsync()),
        new("HUB SessionHub.Summon                                        | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Session"]), null], fresh: w => w.FreshSessionAsync()),
        new("HUB SessionHub.RemoveParticipant                             | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Session"]), I(v["Participant"])], fresh: w => w.FreshParticipantAsync()),
        new("HUB SessionHub.SetJoining                                    | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Session"]), "Closed"], fresh: w => w.FreshSessionAsync()),
        new("HUB SessionHub.ChangePerspective                             | 404 ok  404 403 ok  ok  ok  404 403", args: v => [I(v["Session"]), "Experience"]),
        new("HUB SessionHub.CloseSession                                  | 404 403 404 403 403 403 ok  404 ok", args: v => [I(v["Session"])], fresh: w => w.FreshSessionAsync()),
    ];

    private static int I(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Unique words planted in a team-only story of P, in everything of the members-only project Q (title, story,
    /// item, news, post-it) and in a withdrawn story (planted with its text still there): every GET row is asked by
    /// every role, once with P's route values and once with Q's, and no answer (page, JSON, CSV, the zipped XML of an
    /// .xlsx, the OpenAPI document) may hold a word its reader may not see. The hub's state is asked the same way.
    /// </summary>
    [Fact]
    public async Task Team_only_members_only_and_withdrawn_content_never_reaches_anyone_who_may_not_see_it()
    {
        var markers = new (string Marker, string What, Func<Role, bool> MaySee)[]
        {
            (world.TeamStoryMarker, "team-only story", r => r is Role.Member or Role.Evaluator or Role.Facilitator),
            (world.ClosedMarker, "members-only project", r => r is Role.Observer or Role.Member or Role.Evaluator or Role.Facilitator or Role.Admin),
            (world.WithdrawnMarker, "withdrawn story", _ => false),
        };
        var leaks = new List<string>();
        var seenBy = new HashSet<string>(StringComparer.Ordinal);
        void Scan(string body, Role role, string where)
        {
            foreach (var (marker, what, maySee) in markers)
            {
                if (!body.Contains(marker, StringComparison.Ordinal)) continue;
                if (maySee(role)) seenBy.Add(marker);
                else leaks.Add($"{what} shown to {role} by {where}");
            }
        }
        foreach (var (targets, name) in new[] { (world.ForP, "P"), (world.ForQ, "Q") })
            foreach (var row in Table.Where(r => r.Method == "GET"))
                foreach (var role in Roles)
                {
                    var probe = await ProbeAsync(row, role, targets, fresh: false);
                    Scan(probe.Body, role, $"{row.Key}{row.Variant} with {name}'s values ({probe.Detail})");
                }
        foreach (var role in Roles)
        {
            var live = await world.HubAsync(role);
            foreach (var session in new[] { world.QSession.Id, world.Writing.Id })
            {
                try
                {
                    Scan((await live.Connection.InvokeAsync<JsonElement>("Enter", session)).GetRawText(), role, $"the hub's Enter({session})");
                }
                catch (HubException) { }
            }
        }
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Distinct()));
        // The scan can see: the team and Q's members do find the words, so their absence elsewhere means something.
        Assert.Contains(world.TeamStoryMarker, seenBy);
        Assert.Contains(world.ClosedMarker, seenBy);
    }

    private static readonly Role[] Roles = Enum.GetValues<Role>();

    internal sealed record Probe(string Code, string Detail, IReadOnlyList<string> Writes, string Body);

    private async Task<Probe> ProbeAsync(Row row, Role role, Targets targets, bool fresh)
    {
        // A GET is asked once per role and target: the matrix and the leak scan read the same answer.
        if (row.Method != "GET" || row.Fresh is not null)
            return await SendAsync(row, role, targets, fresh);
        var key = $"{row.Key}{row.Variant} {role} {(targets == world.ForP ? "P" : "Q")}";
        if (!world.Answers.TryGetValue(key, out var answer))
            world.Answers[key] = answer = await SendAsync(row, role, targets, fresh: false);
        return (Probe)answer;
    }

    private async Task<Probe> SendAsync(Row row, Role role, Targets targets, bool fresh)
    {
        var values = (fresh && row.Fresh is not null ? await row.Fresh(world) : targets).Values;
        var url = row.UrlFor(values, role, world);
        world.Factory.Writes.Take();
        // The token first: fetching it sets the antiforgery cookie, which a twin must copy (public pages set none).
        var token = row.Method != "GET" && row.Kind == RowKind.Page ? await world.TokenAsync(role) : null;
        using var twin = row.Twin ? world.Twin(role) : null;
        var browser = twin ?? world.Browser(role);
        // A hub's own endpoint is asked the way a client starts: negotiate.
        using var request = new HttpRequestMessage(new HttpMethod(row.Method switch { "HUB" => "POST", "ANY" => "GET", var m => m }), new Uri(url, UriKind.Relative));
        request.Headers.Add(WriteWatch.Header, role.ToString());
        if (row.Method is "POST" or "PUT" && row.Kind == RowKind.Api)
            request.Content = new StringContent(row.Body ?? "{}", Encoding.UTF8, "application/json");
        else if (row.Method != "GET" && row.Kind == RowKind.Page)
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token!) };
            foreach (var pair in (row.Body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
                fields.Add(new(name, Fill(value, values)));
            }
            request.Content = new FormUrlEncodedContent(fields);
        }
        using var response = await browser.Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var code = Outcomes.Of(response);
        var body = ReadText(bytes);
        var detail = $"{(int)response.StatusCode} {response.Headers.Location} on {row.Method} {url}";
        return new Probe(code, detail, world.Factory.Writes.Take(), body);
    }

    /// <summary>The text of an answer, for the leak scan: an .xlsx is a zip of XML files, read them all.</summary>
    private static string ReadText(byte[] bytes)
    {
        if (bytes.Length > 4 && bytes[0] == 0x50 && bytes[1] == 0x4B)
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(bytes));
                var text = new StringBuilder();
                foreach (var entry in zip.Entries)
                {
                    using var reader = new StreamReader(entry.Open());
                    text.Append(reader.ReadToEnd());
                }
                return text.ToString();
            }
            catch (InvalidDataException) { }
        }
        return Encoding.UTF8.GetString(bytes);
    }

    private async Task<Probe> HubProbeAsync(Row row, Role role, bool fresh)
    {
        var values = (fresh && row.Fresh is not null ? await row.Fresh(world) : world.ForP).Values;
        var args = row.HubArgs!(values);
        var live = await world.HubAsync(role);
        world.Factory.Writes.Take();
        JsonElement? answer = null;
        Exception? error = null;
        try
        {
            answer = await live.Connection.InvokeCoreAsync<JsonElement?>(row.Template[(row.Template.IndexOf('.', StringComparison.Ordinal) + 1)..], args);
        }
        catch (Exception e) when (e is HubException or InvalidOperationException)
        {
            error = e;
        }
        var code = Outcomes.OfHub(answer, error);
        return new Probe(code, error?.Message ?? answer?.ToString() ?? "null", world.Factory.Writes.Take(), "");
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Regex.Replace(text, @"\{([A-Za-z]+)\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
