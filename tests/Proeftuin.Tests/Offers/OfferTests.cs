using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Offers;

namespace Proeftuin.Tests.Offers;

/// <summary>
/// Vraag en aanbod (issue 14): post, list and filter; a match between an aanbod and a vraag of one programme with a
/// melding for both owners; private messages only the two read, with no e-mail address anywhere; "geregeld"; hidden by
/// moderation; who may not; bad and hostile input; the new-account limit; export and erasure.
/// </summary>
public sealed class OfferTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private static string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(Browser Browser, Proeftuin.Features.Accounts.AppUser User)> ResidentAsync(string name = "Buurtbewoner")
    {
        var user = await factory.Data.UserAsync(perspective: Perspective.Experience, displayName: name + " " + Guid.NewGuid().ToString("N")[..6]);
        return (await factory.SignInAsync(user.Email!), user);
    }

    private static bool Links(HtmlPage page, string href) => page.Document.QuerySelectorAll("main a").Any(a => a.GetAttribute("href") == href);

    [Fact]
    public async Task A_resident_posts_an_offer_and_the_list_filters_it()
    {
        var programme = await factory.Data.ProgrammeIdAsync();
        var (resident, user) = await ResidentAsync();
        using (resident)
        {
            var list = await resident.OpenAsync($"/vraag-en-aanbod?programma={programme}");
            var start = list.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).First(h => h is not null && h.StartsWith("/vraag-en-aanbod/nieuw", StringComparison.Ordinal))!;
            var form = await resident.OpenAsync(start);
            int id;
            using (var r = await resident.SubmitAsync(form.FormFor("Input.Title"), [F("Input.Direction", "Offer"), F("Input.Category", "Materials"),
                F("Input.Title", "Ik heb een busje op zaterdag"), F("Input.Text", "Ik rijd **graag**."), F("Input.Place", "Hatert")]))
                id = Expect.RedirectToId(r, "/vraag-en-aanbod/");
            var saved = await factory.WithDbAsync(db => db.Set<Offer>().AsNoTracking().SingleAsync(o => o.Id == id));
            Assert.Equal((programme, (int?)null, OfferDirection.Offer, OfferCategory.Materials, "Hatert", user.Id),
                (saved.ProgrammeId, saved.ProjectId, saved.Direction, saved.Category, saved.Place, saved.OwnerId));
            Assert.Contains("<strong>graag</strong>", saved.TextHtml, StringComparison.Ordinal);

            var page = await resident.OpenAsync($"/vraag-en-aanbod/{id}");
            Assert.Contains("Ik heb een busje op zaterdag", page.H1, StringComparison.Ordinal);
            Assert.True(Links(page, $"/melden/aanbod/{id}"));
            Assert.True(Links(await resident.OpenAsync($"/vraag-en-aanbod?programma={programme}&soort=aanbod&categorie=spullen"), $"/vraag-en-aanbod/{id}"));
            Assert.False(Links(await resident.OpenAsync($"/vraag-en-aanbod?programma={programme}&soort=vraag"), $"/vraag-en-aanbod/{id}"));
            Assert.False(Links(await resident.OpenAsync($"/vraag-en-aanbod?programma={programme}&categorie=tijd"), $"/vraag-en-aanbod/{id}"));
            // Unknown filter words show everything rather than an error.
            Assert.True(Links(await resident.OpenAsync("/vraag-en-aanbod?soort=%3Cb%3E&categorie=x&programma=abc&pagina=-1"), $"/vraag-en-aanbod/{id}"));
        }
        // The programme page and a project's workspace link here.
        using var anonymous = factory.NewBrowser();
        Assert.True(Links(await anonymous.OpenAsync($"/programmas/{programme}"), $"/vraag-en-aanbod?programma={programme}"));
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        Assert.True(Links(await member.OpenAsync($"/projecten/{team.Id}"), $"/vraag-en-aanbod?project={team.Id}"));
    }

    [Fact]
    public async Task A_match_pairs_an_aanbod_with_a_vraag_of_the_same_programme_and_both_owners_hear_of_it()
    {
        var programme = await factory.Data.ProgrammeIdAsync();
        var other = await factory.ProgrammeAsync("Ander programma " + Guid.NewGuid().ToString("N")[..6]);
        var (a, ownerA) = await ResidentAsync("Aanbieder");
        var (b, ownerB) = await ResidentAsync("Vrager");
        var (c, third) = await ResidentAsync("Koppelaar");
        var offer = await factory.OfferAsync(programme, ownerA.Id, OfferDirection.Offer, "Busje voor een verhuizing");
        var request = await factory.OfferAsync(programme, ownerB.Id, OfferDirection.Request, "Hulp bij verhuizen gezocht", category: OfferCategory.Time);
        var secondOffer = await factory.OfferAsync(programme, ownerB.Id, OfferDirection.Offer, "Nog een aanbod");
        var elsewhere = await factory.OfferAsync(other, ownerB.Id, OfferDirection.Request, "Vraag in een ander programma");
        using (a) using (b) using (c)
        {
            var page = await c.OpenAsync($"/vraag-en-aanbod/{offer}");
            var options = page.Document.QuerySelectorAll("select[name='MatchInput.Other'] option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Contains(S(request), options);
            Assert.DoesNotContain(S(secondOffer), options);
            Assert.DoesNotContain(S(elsewhere), options);
            using (var r = await c.SubmitAsync(page.FormWithAction("handler=Match"), [F("MatchInput.Other", S(request))]))
                Expect.Redirect(r, $"/vraag-en-aanbod/{offer}#matches");
            // Both owners get a melding that leads to their own; the one who suggested it does not.
            Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == ownerA.Id && n.Url == $"/vraag-en-aanbod/{offer}#matches")));
            Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == ownerB.Id && n.Url == $"/vraag-en-aanbod/{request}#matches")));
            Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == third.Id)));
            // Shown both ways.
            Assert.True(Links(await b.OpenAsync($"/vraag-en-aanbod/{request}"), $"/vraag-en-aanbod/{offer}"));
            Assert.True(Links(await a.OpenAsync($"/vraag-en-aanbod/{offer}"), $"/vraag-en-aanbod/{request}"));

            // Once per pair, aanbod with vraag only, one programme only, never itself, and only from the list.
            var refused = new (string Other, string Message)[]
            {
                (S(request), SuggestMatch.Already),
                (S(secondOffer), SuggestMatch.SameDirection),
                (S(elsewhere), SuggestMatch.OtherProgramme),
                (S(offer), SuggestMatch.Itself),
                ("999999", SuggestMatch.Choose),
                ("twee", SuggestMatch.Choose),
                ("", SuggestMatch.Choose),
                (TestData.Script, SuggestMatch.Choose),
            };
            foreach (var (value, message) in refused)
                await Expect.FormErrorAsync(await c.PostAsync($"/vraag-en-aanbod/{offer}?handler=Match", [F("MatchInput.Other", value)]), message);
            // From the vraag's side the same pair is the same match.
            await Expect.FormErrorAsync(await c.PostAsync($"/vraag-en-aanbod/{request}?handler=Match", [F("MatchInput.Other", S(offer))]), SuggestMatch.Already);
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<OfferMatch>().CountAsync(m => m.OfferId == offer || m.RequestId == offer)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<OfferMatch>().CountAsync(m => m.OfferId == secondOffer || m.RequestId == elsewhere)));
    }

    [Fact]
    public async Task A_private_message_is_read_only_by_the_two_and_no_address_is_ever_shown()
    {
        var programme = await factory.Data.ProgrammeIdAsync();
        var (owner, ownerUser) = await ResidentAsync("Eigenaar");
        var (writer, writerUser) = await ResidentAsync("Schrijver");
        var (third, thirdUser) = await ResidentAsync("Derde");
        var id = await factory.OfferAsync(programme, ownerUser.Id, OfferDirection.Offer, "Ik help met formulieren", category: OfferCategory.Skills);
        using (owner) using (writer) using (third)
        {
            var page = await writer.OpenAsync($"/vraag-en-aanbod/{id}");
            using (var r = await writer.SubmitAsync(page.FormWithAction("handler=Message"), [F("MessageInput.Text", "Kun je dinsdag helpen met de huurtoeslag?")]))
                Expect.Redirect(r, $"/vraag-en-aanbod/{id}#gesprekken");
            // The owner hears of it: a melding and a mail with a link, neither with the writer's address.
            Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == ownerUser.Id && n.Url == $"/vraag-en-aanbod/{id}#gesprekken")));
            var mail = Assert.Single(factory.Mailbox.To(ownerUser.Email!), m => m.Subject == OfferNotices.MessageSubject);
            Assert.Contains($"/vraag-en-aanbod/{id}", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(writerUser.Email!, mail.TextBody + mail.From + string.Join(",", mail.ReplyTo), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("huurtoeslag", mail.TextBody, StringComparison.Ordinal);

            // The owner reads it and answers the writer.
            var mine = await owner.OpenAsync($"/vraag-en-aanbod/{id}");
            Assert.Contains("huurtoeslag", mine.Text, StringComparison.Ordinal);
            Assert.Contains(writerUser.DisplayName, mine.Text, StringComparison.Ordinal);
            using (var r = await owner.SubmitAsync(mine.FormWithAction("handler=Message"), [F("MessageInput.Text", "Dinsdag om twee uur in de buurtkamer.")]))
                Expect.Redirect(r, $"/vraag-en-aanbod/{id}#gesprekken");
            Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == writerUser.Id && n.Url == $"/vraag-en-aanbod/{id}#gesprekken")));
            Assert.Contains("twee uur in de buurtkamer", (await writer.OpenAsync($"/vraag-en-aanbod/{id}")).Text, StringComparison.Ordinal);
            Assert.NotNull(await factory.WithDbAsync(db => db.Set<OfferMessage>().Where(m => m.OfferId == id && m.ToId == ownerUser.Id).Select(m => m.ReadAt).SingleAsync()));

            // A third person sees neither message, and cannot join the conversation by naming the writer.
            var theirs = await third.OpenAsync($"/vraag-en-aanbod/{id}");
            Assert.DoesNotContain("huurtoeslag", theirs.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("buurtkamer", theirs.Text, StringComparison.Ordinal);
            using (var r = await third.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", [F("MessageInput.Text", "Ik lees mee"), F("MessageInput.With", writerUser.Id)]))
                Expect.Redirect(r, $"/vraag-en-aanbod/{id}#gesprekken");
            // … the message went to the owner only: the writer's conversation holds just their two.
            Assert.DoesNotContain("Ik lees mee", (await writer.OpenAsync($"/vraag-en-aanbod/{id}")).Text, StringComparison.Ordinal);
            Assert.Equal(ownerUser.Id, await factory.WithDbAsync(db => db.Set<OfferMessage>().Where(m => m.FromId == thirdUser.Id).Select(m => m.ToId).SingleAsync()));
            // A moderator reads no one's conversation either.
            var admin = await factory.Data.UserAsync(admin: true);
            using var adminBrowser = await factory.SignInAsync(admin.Email!);
            Assert.DoesNotContain("huurtoeslag", (await adminBrowser.OpenAsync($"/vraag-en-aanbod/{id}")).Text, StringComparison.Ordinal);

            // No e-mail address on any page of it, for anyone.
            using var anonymous = factory.NewBrowser();
            foreach (var (who, url) in new[] { (owner, $"/vraag-en-aanbod/{id}"), (writer, $"/vraag-en-aanbod/{id}"), (third, $"/vraag-en-aanbod/{id}"), (anonymous, $"/vraag-en-aanbod/{id}"), (owner, $"/vraag-en-aanbod?programma={programme}"), (owner, $"/vraag-en-aanbod/{id}/bewerken") })
            {
                var text = (await who.OpenAsync(url)).Text;
                foreach (var address in new[] { ownerUser.Email!, writerUser.Email!, thirdUser.Email! })
                    Assert.DoesNotContain(address, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task The_owner_marks_it_geregeld_and_then_no_new_conversation_or_match_starts()
    {
        var programme = await factory.Data.ProgrammeIdAsync();
        var (owner, ownerUser) = await ResidentAsync("Eigenaar");
        var (early, earlyUser) = await ResidentAsync("Vroeg");
        var (late, lateUser) = await ResidentAsync("Laat");
        var id = await factory.OfferAsync(programme, ownerUser.Id, OfferDirection.Request, "Ruimte voor een kookavond gezocht", category: OfferCategory.Space);
        var offer = await factory.OfferAsync(programme, lateUser.Id, OfferDirection.Offer, "Keuken van de Linde");
        using (owner) using (early) using (late)
        {
            using (var r = await early.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", [F("MessageInput.Text", "De Linde heeft een keuken.")])) Expect.Redirect(r, $"/vraag-en-aanbod/{id}#gesprekken");
            // Only the owner closes it.
            using (var r = await late.PostAsync($"/vraag-en-aanbod/{id}?handler=Close")) Expect.Status(HttpStatusCode.Forbidden, r);
            var page = await owner.OpenAsync($"/vraag-en-aanbod/{id}");
            using (var r = await owner.SubmitAsync(page.FormWithAction("handler=Close"))) Expect.Redirect(r, $"/vraag-en-aanbod/{id}");
            Assert.NotNull(await factory.WithDbAsync(db => db.Set<Offer>().Where(o => o.Id == id).Select(o => o.ClosedAt).SingleAsync()));
            Assert.Contains("Dit is geregeld.", (await late.OpenAsync($"/vraag-en-aanbod/{id}")).Text, StringComparison.Ordinal);
            Assert.Contains("Geregeld", (await late.OpenAsync($"/vraag-en-aanbod?programma={programme}&soort=vraag")).Text, StringComparison.Ordinal);

            // No new conversation, no match; the conversation that was there goes on.
            await Expect.FormErrorAsync(await late.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", [F("MessageInput.Text", "Nog plek?")]), OfferRules.Closed);
            await Expect.FormErrorAsync(await late.PostAsync($"/vraag-en-aanbod/{offer}?handler=Match", [F("MatchInput.Other", S(id))]), SuggestMatch.AlreadyClosed);
            Assert.DoesNotContain(S(id), (await late.OpenAsync($"/vraag-en-aanbod/{offer}")).Document.QuerySelectorAll("select[name='MatchInput.Other'] option").Select(o => o.GetAttribute("value")));
            using (var r = await early.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", [F("MessageInput.Text", "Succes met koken!")])) Expect.Redirect(r, $"/vraag-en-aanbod/{id}#gesprekken");

            // Open again.
            using (var r = await owner.PostAsync($"/vraag-en-aanbod/{id}?handler=Reopen")) Expect.Redirect(r, $"/vraag-en-aanbod/{id}");
            Assert.Null(await factory.WithDbAsync(db => db.Set<Offer>().Where(o => o.Id == id).Select(o => o.ClosedAt).SingleAsync()));
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<OfferMessage>().CountAsync(m => m.FromId == lateUser.Id)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<OfferMessage>().CountAsync(m => m.FromId == earlyUser.Id)));
    }

    [Fact]
    public async Task Hidden_by_moderation_it_leaves_the_list_and_the_matches_and_takes_no_messages()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programme = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == team.Id).Select(p => p.ProgrammeId).SingleAsync());
        var (resident, residentUser) = await ResidentAsync();
        var id = await factory.OfferAsync(programme, team.Member.Id, OfferDirection.Offer, "Te verbergen aanbod", projectId: team.Id, text: "Geheime inhoud");
        var request = await factory.OfferAsync(programme, residentUser.Id, OfferDirection.Request, "Een vraag van de bewoner");
        using (resident)
        {
            // Reported first, through "Melden".
            using (var r = await resident.GetAsync($"/melden/aanbod/{id}")) Expect.Status(HttpStatusCode.OK, r);
            using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
            var moderation = await facilitator.OpenAsync($"/moderatie/aanbod/{id}");
            Assert.Contains("Te verbergen aanbod", moderation.Text, StringComparison.Ordinal);
            await factory.WithDbAsync(db => db.Set<Offer>().Where(o => o.Id == id).ExecuteUpdateAsync(u => u.SetProperty(o => o.HiddenAt, DateTime.UtcNow)));

            Assert.DoesNotContain("Te verbergen aanbod", (await resident.OpenAsync($"/vraag-en-aanbod?programma={programme}")).Text, StringComparison.Ordinal);
            var page = await resident.OpenAsync($"/vraag-en-aanbod/{id}");
            Assert.Contains("verborgen door moderatie", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Te verbergen aanbod", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Geheime inhoud", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(S(id), (await resident.OpenAsync($"/vraag-en-aanbod/{request}")).Document.QuerySelectorAll("select[name='MatchInput.Other'] option").Select(o => o.GetAttribute("value")));
            await Expect.FormErrorAsync(await resident.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", [F("MessageInput.Text", "Hallo")]), OfferRules.Hidden);
            await Expect.FormErrorAsync(await resident.PostAsync($"/vraag-en-aanbod/{request}?handler=Match", [F("MatchInput.Other", S(id))]), SuggestMatch.Choose);
            using (var r = await resident.GetAsync($"/melden/aanbod/{id}")) Assert.True(r.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, r.StatusCode.ToString());
            // The owner cannot edit what only moderators see.
            using var member = await factory.SignInAsync(team.Member.Email!);
            using (var r = await member.GetAsync($"/vraag-en-aanbod/{id}/bewerken")) Expect.Status(HttpStatusCode.Forbidden, r);

            // The facilitator still sees it, marked.
            var seen = await facilitator.OpenAsync($"/vraag-en-aanbod/{id}");
            Assert.Contains("Te verbergen aanbod", seen.Text, StringComparison.Ordinal);
            Assert.Contains("verborgen door moderatie", seen.Text, StringComparison.Ordinal);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<OfferMessage>().CountAsync(m => m.OfferId == id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<OfferMatch>().CountAsync(m => m.OfferId == id)));
    }

    [Fact]
    public async Task Who_may_not_post_read_reply_or_match()
    {
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var programme = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == closed.Id).Select(p => p.ProgrammeId).SingleAsync());
        var secret = await factory.OfferAsync(programme, closed.Member.Id, OfferDirection.Offer, "Geheim aanbod", projectId: closed.Id);
        var open = await factory.Data.TeamProjectAsync();
        var inOpen = await factory.OfferAsync(programme, open.Member.Id, OfferDirection.Request, "Vraag in een open project", projectId: open.Id);
        var (outsider, outsiderUser) = await ResidentAsync("Buitenstaander");
        using (outsider)
        {
            foreach (var url in new[] { $"/vraag-en-aanbod/{secret}", $"/vraag-en-aanbod/{secret}/bewerken", $"/vraag-en-aanbod/nieuw?project={closed.Id}", "/vraag-en-aanbod/999999", "/vraag-en-aanbod/nieuw?programma=999999", "/vraag-en-aanbod/nieuw" })
                using (var r = await outsider.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, r, url);
            foreach (var handler in new[] { "Message", "Match", "Close" })
                using (var r = await outsider.PostAsync($"/vraag-en-aanbod/{secret}?handler={handler}", [F("MessageInput.Text", "Hallo"), F("MatchInput.Other", S(inOpen))]))
                    Expect.Status(HttpStatusCode.NotFound, r, handler);
            Assert.DoesNotContain("Geheim aanbod", (await outsider.OpenAsync("/vraag-en-aanbod")).Text, StringComparison.Ordinal);
            // Not someone else's to edit or close.
            using (var r = await outsider.GetAsync($"/vraag-en-aanbod/{inOpen}/bewerken")) Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await outsider.PostAsync($"/vraag-en-aanbod/{inOpen}/bewerken", [F("Input.Title", "Overgenomen")])) Expect.Status(HttpStatusCode.Forbidden, r);
        }
        using (var anonymous = factory.NewBrowser())
        {
            using (var r = await anonymous.GetAsync($"/vraag-en-aanbod/{secret}")) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await anonymous.GetAsync($"/vraag-en-aanbod/nieuw?programma={programme}")) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.PostAsync($"/vraag-en-aanbod/{inOpen}?handler=Message", [F("MessageInput.Text", "Hallo")])) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.PostAsync($"/vraag-en-aanbod/{inOpen}?handler=Match", [F("MatchInput.Other", S(secret))])) Expect.RedirectToSignIn(r);
            var page = await anonymous.OpenAsync($"/vraag-en-aanbod/{inOpen}");
            Assert.Empty(page.Document.QuerySelectorAll("form[method='post']"));
        }
        // An observer reads along; they neither post in the project, nor reply, nor match there.
        using var observer = await factory.SignInAsync(open.Observer.Email!);
        var seen = await observer.OpenAsync($"/vraag-en-aanbod/{inOpen}");
        Assert.Empty(seen.Document.QuerySelectorAll("form[action*='handler=Message'], form[action*='handler=Match']"));
        using (var r = await observer.GetAsync($"/vraag-en-aanbod/nieuw?project={open.Id}")) Expect.Status(HttpStatusCode.Forbidden, r);
        using (var r = await observer.PostAsync($"/vraag-en-aanbod/{inOpen}?handler=Message", [F("MessageInput.Text", "Hallo")])) Expect.Status(HttpStatusCode.Forbidden, r);
        using (var r = await observer.PostAsync($"/vraag-en-aanbod/{inOpen}?handler=Match", [F("MatchInput.Other", "1")])) Expect.Status(HttpStatusCode.Forbidden, r);
        // … but in the programme, like anyone signed in, they may.
        using (var r = await observer.GetAsync($"/vraag-en-aanbod/nieuw?programma={programme}")) Expect.Status(HttpStatusCode.OK, r);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<OfferMessage>().CountAsync(m => m.FromId == open.Observer.Id || m.FromId == outsiderUser.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<OfferMatch>().CountAsync(m => m.RequestId == inOpen)));
    }

    [Fact]
    public async Task Bad_and_hostile_input_gets_a_plain_message_and_nothing_is_saved()
    {
        var programme = await factory.Data.ProgrammeIdAsync();
        var (resident, user) = await ResidentAsync();
        using (resident)
        {
            var before = await factory.WithDbAsync(db => db.Set<Offer>().CountAsync());
            var cases = new (KeyValuePair<string, string>[] Fields, string Message)[]
            {
                ([F("Input.Direction", "Aanbod"), F("Input.Category", "Time"), F("Input.Title", "x"), F("Input.Text", "x")], "Kies of je iets aanbiedt of iets zoekt."),
                ([F("Input.Direction", "0"), F("Input.Category", "Time"), F("Input.Title", "x"), F("Input.Text", "x")], "Kies of je iets aanbiedt of iets zoekt."),
                ([F("Input.Direction", "Offer"), F("Input.Category", "Money"), F("Input.Title", "x"), F("Input.Text", "x")], "Kies wat het is: tijd, ruimte, vaardigheden of spullen."),
                ([F("Input.Direction", "Offer"), F("Input.Category", "Time"), F("Input.Title", "  "), F("Input.Text", "x")], "Vul een korte titel in."),
                ([F("Input.Direction", "Offer"), F("Input.Category", "Time"), F("Input.Title", "x"), F("Input.Text", "")], "Vul wat je aanbiedt of zoekt in."),
                ([F("Input.Direction", "Offer"), F("Input.Category", "Time"), F("Input.Title", TestData.Long(300)), F("Input.Text", "x")], "een korte titel is te lang: maximaal 200 tekens."),
                ([F("Input.Direction", "Offer"), F("Input.Category", "Time"), F("Input.Title", "x"), F("Input.Text", TestData.Long(100_000))], "wat je aanbiedt of zoekt is te lang: maximaal 4000 tekens."),
                ([F("Input.Direction", "Offer"), F("Input.Category", "Time"), F("Input.Title", "x"), F("Input.Text", "x"), F("Input.Place", TestData.Long(101))], "de plek is te lang: maximaal 100 tekens."),
                ([F("Input.Direction", "Offer"), F("Input.Category", "Time"), F("Input.Title", "a\u0007b"), F("Input.Text", "x")], "een korte titel bevat tekens die niet kunnen."),
            };
            foreach (var (fields, message) in cases)
            {
                using var r = await resident.PostAsync($"/vraag-en-aanbod/nieuw?programma={programme}", fields);
                var page = await HtmlPage.ReadAsync(r, "/vraag-en-aanbod/nieuw");
                Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode} for {message}");
                Assert.True(page.MainText.Contains(message, StringComparison.OrdinalIgnoreCase), $"{message}\n{page.MainText}");
            }
            Assert.Equal(before, await factory.WithDbAsync(db => db.Set<Offer>().CountAsync()));

            // Script is text, never markup: in the title, the description and the place.
            int id;
            using (var r = await resident.PostAsync($"/vraag-en-aanbod/nieuw?programma={programme}",
                [F("Input.Direction", "Request"), F("Input.Category", "Skills"), F("Input.Title", TestData.Script), F("Input.Text", TestData.Script + " [klik](javascript:alert(1))"), F("Input.Place", TestData.Script)]))
                id = Expect.RedirectToId(r, "/vraag-en-aanbod/");
            var shown = await resident.OpenAsync($"/vraag-en-aanbod/{id}");
            Expect.ShownAsText(shown);
            Assert.DoesNotContain("javascript:", shown.Text, StringComparison.OrdinalIgnoreCase);
            Expect.ShownAsText(await resident.OpenAsync($"/vraag-en-aanbod?programma={programme}"));

            // A message to one's own offer, without a conversation; empty, huge, or addressed to a stranger.
            var ownCases = new (KeyValuePair<string, string>[] Fields, string Message)[]
            {
                ([F("MessageInput.Text", "Hallo mezelf")], SendOfferMessage.OwnOffer),
                ([F("MessageInput.Text", "Hallo"), F("MessageInput.With", user.Id)], SendOfferMessage.OwnOffer),
                ([F("MessageInput.Text", "Hallo"), F("MessageInput.With", Guid.NewGuid().ToString())], SendOfferMessage.OwnOffer),
            };
            foreach (var (fields, message) in ownCases)
                await Expect.FormErrorAsync(await resident.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", fields), message);
            var (other, _) = await ResidentAsync("Ander");
            using (other)
            {
                await Expect.FormErrorAsync(await other.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", [F("MessageInput.Text", "   ")]), "Vul het bericht in.");
                await Expect.FormErrorAsync(await other.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", [F("MessageInput.Text", TestData.Long(3000))]), "het bericht is te lang: maximaal 2000 tekens.");
                using (var r = await other.PostAsync($"/vraag-en-aanbod/{id}?handler=Message", [F("MessageInput.Text", TestData.Script)])) Expect.Redirect(r, $"/vraag-en-aanbod/{id}#gesprekken");
                Expect.ShownAsText(await resident.OpenAsync($"/vraag-en-aanbod/{id}"));
                using (var r = await other.PostAsync("/vraag-en-aanbod/999999?handler=Message", [F("MessageInput.Text", "Hallo")])) Expect.Status(HttpStatusCode.NotFound, r);
                using (var r = await other.PostAsync("/vraag-en-aanbod/999999?handler=Match", [F("MatchInput.Other", "1")])) Expect.Status(HttpStatusCode.NotFound, r);
            }
            Assert.Equal(1, await factory.WithDbAsync(db => db.Set<OfferMessage>().CountAsync(m => m.OfferId == id)));

            // Editing: the same checks; a matched offer keeps its direction.
            var offer = await factory.OfferAsync(programme, user.Id, OfferDirection.Offer, "Mijn ladder");
            var vraag = await factory.OfferAsync(programme, (await factory.Data.UserAsync()).Id, OfferDirection.Request, "Ladder gezocht");
            using (var r = await resident.PostAsync($"/vraag-en-aanbod/{vraag}?handler=Match", [F("MatchInput.Other", S(offer))])) Expect.Redirect(r, $"/vraag-en-aanbod/{vraag}#matches");
            await Expect.FormErrorAsync(await resident.PostAsync($"/vraag-en-aanbod/{offer}/bewerken",
                [F("Input.Direction", "Request"), F("Input.Category", "Materials"), F("Input.Title", "Mijn ladder"), F("Input.Text", "x")]), "Er zijn al matches voorgesteld.");
            using (var r = await resident.PostAsync($"/vraag-en-aanbod/{offer}/bewerken", [F("Input.Direction", "Offer"), F("Input.Category", "Materials"), F("Input.Title", "Mijn lange ladder"), F("Input.Text", "Vier meter.")]))
                Expect.Redirect(r, $"/vraag-en-aanbod/{offer}");
            Assert.Equal("Mijn lange ladder", await factory.WithDbAsync(db => db.Set<Offer>().Where(o => o.Id == offer).Select(o => o.Title).SingleAsync()));
        }
    }

    [Fact]
    public async Task A_new_account_posts_only_so_many_offers_and_messages_an_hour()
    {
        var programme = await factory.Data.ProgrammeIdAsync();
        var (resident, user) = await ResidentAsync("Nieuw");
        using (resident)
        {
            for (var n = 0; n < 20; n++) await factory.OfferAsync(programme, user.Id, title: $"Aanbod {n}");
            await Expect.FormErrorAsync(await resident.PostAsync($"/vraag-en-aanbod/nieuw?programma={programme}",
                [F("Input.Direction", "Offer"), F("Input.Category", "Time"), F("Input.Title", "Nog één"), F("Input.Text", "x")]), "Je account is nieuw.");
            var someone = await factory.OfferAsync(programme, (await factory.Data.UserAsync()).Id, OfferDirection.Request, "Iets gezocht");
            await Expect.FormErrorAsync(await resident.PostAsync($"/vraag-en-aanbod/{someone}?handler=Message", [F("MessageInput.Text", "Hallo")]), "Je account is nieuw.");
        }
        Assert.Equal(20, await factory.WithDbAsync(db => db.Set<Offer>().CountAsync(o => o.OwnerId == user.Id)));
    }

    [Fact]
    public async Task Export_holds_ones_offers_and_messages_and_erasure_removes_them()
    {
        var programme = await factory.Data.ProgrammeIdAsync();
        var leaving = await factory.Data.UserAsync(displayName: "Vertrekker");
        var staying = await factory.Data.UserAsync(displayName: "Blijver");
        var own = await factory.OfferAsync(programme, leaving.Id, OfferDirection.Offer, "Aanbod van de vertrekker");
        var theirs = await factory.OfferAsync(programme, staying.Id, OfferDirection.Request, "Vraag van de blijver");
        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.AddRange(
                new OfferMessage { OfferId = theirs, FromId = leaving.Id, ToId = staying.Id, Text = "Ik kan helpen.", CreatedAt = now },
                new OfferMessage { OfferId = theirs, FromId = staying.Id, ToId = leaving.Id, Text = "Fijn, dank je!", CreatedAt = now.AddMinutes(1) },
                new OfferMessage { OfferId = own, FromId = staying.Id, ToId = leaving.Id, Text = "Mag ik het lenen?", CreatedAt = now },
                new OfferMatch { OfferId = own, RequestId = theirs, SuggestedById = staying.Id, CreatedAt = now });
            await db.SaveChangesAsync();
            return 0;
        });
        await factory.WithScopeAsync(async sp =>
        {
            var contributor = sp.GetServices<Proeftuin.Features.Privacy.IPersonalDataContributor>().OfType<OffersPersonalData>().Single();
            var person = new Proeftuin.Features.Privacy.PersonRef(leaving.Id, leaving.Email, leaving.DisplayName);
            var export = await contributor.ExportAsync(person, CancellationToken.None);
            Assert.Equal(4, export.Rows.Count);
            await contributor.EraseAsync(person, Proeftuin.Features.Privacy.ErasureChoices.WithdrawAll, CancellationToken.None);
        });
        Assert.False(await factory.WithDbAsync(db => db.Set<Offer>().AnyAsync(o => o.OwnerId == leaving.Id)));
        Assert.False(await factory.WithDbAsync(db => db.Set<OfferMessage>().AnyAsync(m => m.FromId == leaving.Id || m.ToId == leaving.Id || m.OfferId == own)));
        Assert.False(await factory.WithDbAsync(db => db.Set<OfferMatch>().AnyAsync(m => m.OfferId == own)));
        // The other person's message stays with them, without its recipient.
        Assert.Null(await factory.WithDbAsync(db => db.Set<OfferMessage>().Where(m => m.OfferId == theirs && m.FromId == staying.Id).Select(m => m.ToId).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.Set<Offer>().AnyAsync(o => o.Id == theirs)));
    }
}
