using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

/// <summary>
/// Thread kinds as descriptors (ADR 0017): every kind has one, every descriptor is handled by the forms, the trace, the
/// knowledge balance, search and the API, and the URL words and API names are a fixed contract.
/// </summary>
public sealed class ThreadKindTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    public static TheoryData<ItemKind> Kinds()
    {
        var data = new TheoryData<ItemKind>();
        foreach (var kind in ThreadKinds.All) data.Add(kind.Kind);
        return data;
    }

    [Fact]
    public void Every_item_kind_has_a_descriptor_of_its_own()
    {
        foreach (var kind in Enum.GetValues<ItemKind>())
        {
            var descriptor = ThreadKinds.For(kind);
            Assert.Equal(kind, descriptor.Kind);
            Assert.True(descriptor.EntityType.IsAssignableTo(typeof(ThreadItem)), $"{kind}: {descriptor.EntityType.Name}");
            Assert.Same(descriptor, ThreadKinds.FromUrlWord(descriptor.UrlWord));
            Assert.Same(descriptor, ThreadKinds.FromApiSlug(descriptor.ApiSlug));
        }
        Assert.Equal(Enum.GetValues<ItemKind>().Length, ThreadKinds.All.Count);
    }

    [Fact]
    public async Task The_stored_kinds_and_the_descriptors_agree()
    {
        // What EF stores under each discriminator is the class the descriptor names, for every class of the thread.
        var stored = await factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(ThreadItem))!.GetDerivedTypesInclusive()
            .Where(t => !t.ClrType.IsAbstract).ToDictionary(t => (ItemKind)t.GetDiscriminatorValue()!, t => t.ClrType)));
        Assert.Equal(ThreadKinds.All.Select(k => k.Kind).Order(), stored.Keys.Order());
        foreach (var descriptor in ThreadKinds.All) Assert.Equal(descriptor.EntityType, stored[descriptor.Kind]);
    }

    /// <summary>A rename breaks this test on purpose: URL words are in links people saved, API names in clients.</summary>
    [Fact]
    public void Url_words_and_api_names_are_unique_and_stable()
    {
        Assert.Equal(
            [
                (ItemKind.Story, "verhaal", "Story"),
                (ItemKind.Insight, "inzicht", "Insight"),
                (ItemKind.Source, "bron", "Source"),
                (ItemKind.Persona, "persona", "Persona"),
                (ItemKind.JourneyMap, "klantreis", "JourneyMap"),
                (ItemKind.Need, "behoefte", "Need"),
                (ItemKind.Question, "vraag", "Question"),
                (ItemKind.Idea, "idee", "Idea"),
                (ItemKind.Prototype, "prototype", "Prototype"),
                (ItemKind.Experiment, "proef", "Experiment"),
                (ItemKind.Observation, "observatie", "Observation"),
                (ItemKind.Decision, "besluit", "Decision"),
                (ItemKind.Lesson, "les", "Lesson"),
                (ItemKind.LearningQuestion, "leervraag", "LearningQuestion"),
                (ItemKind.SystemBarrier, "systeembarriere", "SystemBarrier"),
                (ItemKind.JourneyEntry, "reisnotitie", "JourneyEntry"),
                (ItemKind.Reflection, "reflectie", "Reflection"),
            ],
            ThreadKinds.All.OrderBy(k => k.Kind).Select(k => (k.Kind, k.UrlWord, k.ApiSlug)));
        Assert.Equal(ThreadKinds.All.Count, ThreadKinds.All.Select(k => k.UrlWord.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(ThreadKinds.All.Count, ThreadKinds.All.Select(k => k.ApiSlug.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(ThreadKinds.For(ItemKind.JourneyMap), ThreadKinds.FromApiSlug("journeymap"));
        Assert.Equal(ThreadKinds.For(ItemKind.Need), ThreadKinds.FromUrlWord("Behoefte"));
        Assert.Null(ThreadKinds.FromUrlWord("Need"));
        Assert.Null(ThreadKinds.FromApiSlug("behoefte"));
        Assert.Null(ThreadKinds.FromApiSlug("3"));
    }

    [Fact]
    public void What_each_kind_does_is_said_in_its_descriptor()
    {
        Assert.Equal([ItemKind.Insight, ItemKind.Source, ItemKind.Persona, ItemKind.JourneyMap, ItemKind.Need, ItemKind.Question, ItemKind.Idea],
            ThreadKinds.Creatable.Select(k => k.Kind));
        Assert.Equal(
            [
                (ItemKind.Story, "Stories"), (ItemKind.Insight, "Insights"), (ItemKind.Source, "Sources"), (ItemKind.Persona, "PersonasAndJourneys"),
                (ItemKind.JourneyMap, "PersonasAndJourneys"), (ItemKind.Need, "Needs"), (ItemKind.Question, "Questions"), (ItemKind.Idea, "Ideas"),
                (ItemKind.Prototype, "Prototypes"), (ItemKind.Experiment, "not counted"), (ItemKind.Observation, "Observations"),
                (ItemKind.Decision, "not counted"), (ItemKind.Lesson, "Lessons"), (ItemKind.LearningQuestion, "not counted"),
                (ItemKind.SystemBarrier, "not counted"), (ItemKind.JourneyEntry, "not counted"), (ItemKind.Reflection, "not counted"),
            ],
            ThreadKinds.All.OrderBy(k => k.Kind).Select(k => (k.Kind, k.Balance.Row?.ApiSlug ?? "not counted")));
        // Today every kind counts under the item's own kennisbron.
        Assert.All(ThreadKinds.All, k => Assert.Null(k.Balance.FixedSource));
        Assert.Equal("/verhalen/7", ThreadKinds.For(ItemKind.Story).PageUrl(7));
        Assert.Equal("/draad/7", ThreadKinds.For(ItemKind.Need).PageUrl(7));
    }

    [Fact]
    public void Links_keep_the_rules_of_before()
    {
        foreach (var from in ThreadKinds.All)
        {
            foreach (var to in ThreadKinds.All)
            {
                foreach (var type in Enum.GetValues<LinkType>())
                {
                    var problem = ThreadKinds.LinkProblem(from.Kind, type, to.Kind);
                    if (from.Kind == ItemKind.Story && to.Kind == ItemKind.Story)
                        Assert.Equal("Twee verhalen kun je niet met elkaar verbinden. Verbind ze allebei met een inzicht.", problem);
                    else
                        Assert.Null(problem);
                }
            }
        }
        Assert.False(ThreadKinds.MayLink(ItemKind.Story, ItemKind.Story));
        Assert.True(ThreadKinds.MayLink(ItemKind.Story, ItemKind.Idea));
    }

    [Fact]
    public void A_kind_missing_from_the_registry_throws()
    {
        var unknown = (ItemKind)99;
        var e = Assert.Throws<UnknownThreadKindException>(() => ThreadKinds.For(unknown));
        Assert.Equal(unknown, e.Kind);
        Assert.Throws<UnknownThreadKindException>(() => unknown.Label());
        Assert.Throws<UnknownThreadKindException>(() => ThreadWords.PageUrl(unknown, 1));
        Assert.Throws<UnknownThreadKindException>(() => ThreadKinds.LinkProblem(ItemKind.Insight, LinkType.Supports, unknown));
        // A set without needs knows no needs: nothing falls back to another kind.
        var partial = new ThreadKindRegistry(ThreadKinds.Insight);
        Assert.Throws<UnknownThreadKindException>(() => partial.For(ItemKind.Need));
        Assert.Null(partial.FromUrlWord("behoefte"));
        Assert.Throws<InvalidOperationException>(() => ItemKind.Story.NewLabel());
    }

    private sealed class Prototype : ThreadItem;

    /// <summary>How a module adds a kind from its own folder, on a registry of its own so the app's stays as it is.</summary>
    [Fact]
    public void A_module_registers_its_kind_and_clashes_are_refused()
    {
        var registry = new ThreadKindRegistry(ThreadKinds.All);
        var prototypeKind = (ItemKind)98;
        var prototype = new ThreadKind(prototypeKind, typeof(Prototype), "Schets", "Schetsen", "schets", "Sketch",
            BalanceRule.NotCounted("Een prototype is gemaakt, geen kennis."), LinkRule.Any)
        { PagePath = "/schetsen" };
        registry.Register(prototype);
        registry.Register(prototype); // set up twice (as in tests): nothing changes
        Assert.Same(prototype, registry.For(prototypeKind));
        Assert.Same(prototype, registry.FromUrlWord("schets"));
        Assert.Equal("/schetsen/3", registry.For(prototypeKind).PageUrl(3));
        Assert.Equal(ThreadKinds.All.Count + 1, registry.All.Count);
        Assert.DoesNotContain(registry.BalanceRows, r => r.ApiSlug == "Sketches");
        Assert.Null(registry.LinkProblem(prototypeKind, LinkType.LeadsTo, ItemKind.Idea));
        // The app's own set does not know it.
        Assert.Throws<UnknownThreadKindException>(() => ThreadKinds.For(prototypeKind));

        Assert.Throws<InvalidOperationException>(() => registry.Register(prototype with { Label = "Ander prototype" }));
        Assert.Throws<InvalidOperationException>(() => registry.Register(prototype with { Kind = (ItemKind)99, ApiSlug = "Mockup", UrlWord = "vraag", EntityType = typeof(Lesson) }));
        Assert.Throws<InvalidOperationException>(() => registry.Register(prototype with { Kind = (ItemKind)99, ApiSlug = "insight", UrlWord = "kladje", EntityType = typeof(Lesson) }));
        Assert.Throws<InvalidOperationException>(() => registry.Register(prototype with { Kind = (ItemKind)99, ApiSlug = "Scribble", UrlWord = "kladje" }));
        Assert.Throws<ArgumentException>(() => registry.Register(prototype with { Kind = (ItemKind)99, ApiSlug = "Scribble", UrlWord = "kladje", EntityType = typeof(string) }));
        Assert.Throws<ArgumentException>(() => BalanceRule.NotCounted(" "));
    }

    private sealed class Lesson : ThreadItem;

    [Fact]
    public void Every_word_of_a_descriptor_has_an_English_text()
    {
        var english = EnglishTexts.Names().ToHashSet(StringComparer.Ordinal);
        var words = ThreadKinds.All.SelectMany(k => new[] { k.Label, k.Plural, k.Form?.NewLabel, k.Form?.TitleLabel, k.Form?.TitleHint, k.Balance.Row?.Label })
            .Append(BalanceRows.Comments.Label)
            .OfType<string>().Distinct().ToList();
        var missing = words.Where(w => !english.Contains(w)).ToList();
        Assert.True(missing.Count == 0, "No English text for: " + string.Join(" | ", missing));
    }

    /// <summary>For every kind the thread page makes: observers and strangers get no form and save nothing.</summary>
    [Fact]
    public async Task Only_the_team_gets_a_kinds_form_and_only_by_its_url_word()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var anonymous = factory.NewBrowser();
        using var member = await factory.SignInAsync(team.Member.Email!);
        foreach (var d in ThreadKinds.Creatable)
        {
            var url = $"/projecten/{team.Id}/draad/nieuw?soort={d.UrlWord}";
            using (var response = await observer.GetAsync(url)) Expect.Status(HttpStatusCode.Forbidden, response, "observer " + url);
            using (var response = await observer.PostAsync(url, new { Input_Title = "Waarnemer" })) Expect.Status(HttpStatusCode.Forbidden, response, "observer POST " + url);
            using (var response = await anonymous.GetAsync(url)) Expect.RedirectToSignIn(response);
            // The API name, the number or the label is not a URL word.
            foreach (var wrong in new[] { d.ApiSlug, ((int)d.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture), d.Label })
            {
                if (string.Equals(wrong, d.UrlWord, StringComparison.OrdinalIgnoreCase)) continue;
                var other = $"/projecten/{team.Id}/draad/nieuw?soort={Uri.EscapeDataString(wrong)}";
                using var response = await member.PostAsync(other, new { Input_Title = "Verkeerde soort" });
                Expect.Status(HttpStatusCode.NotFound, response, "POST " + other);
            }
        }
        Assert.False(await factory.WithDbAsync(db => db.Items.AnyAsync(i => i.ProjectId == team.Id)));
    }

    /// <summary>
    /// One item of the kind, made the way the kind is made (the thread page's form, or a story told), then found on its
    /// page, in the trace (page and API), in search and in the knowledge balance.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_kind_is_handled_by_forms_trace_search_balance_and_api(ItemKind kind)
    {
        var d = ThreadKinds.For(kind);
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var word = "Zeppelinhangar" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());
        var title = "Hoe kunnen we de " + word + " gebruiken";

        int id;
        var newPage = $"/projecten/{team.Id}/draad/nieuw?soort={d.UrlWord}";
        if (d.Creatable)
        {
            var form = await member.OpenAsync(newPage);
            Assert.Equal(d.Form!.NewLabel, form.H1);
            using var created = await member.SubmitAsync(form.FormFor("Input.Title"),
                new { Input_Title = title, Input_Text = "Over de hangar.", Input_Quote = "Citaat", Input_Citation = "Auteur (2024). Titel." });
            id = Expect.RedirectToId(created, "/draad/");
            Assert.Equal(HttpStatusCode.OK, (await member.OpenAsync($"/draad/{id}/bewerken")).Status);
        }
        else
        {
            using (var response = await member.GetAsync(newPage)) Expect.Status(HttpStatusCode.NotFound, response, "no thread form for " + kind);
            // Made on the kind's own pages; here it is stored directly, as its own use case would store it.
            id = kind == ItemKind.Story
                ? await factory.StoryAsync(team.Id, ConsentScope.Project, title: title, text: "Over de " + word + ".")
                : await factory.ItemAsync(team.Id, kind, title, "Over de " + word + ".", team.Member.Id);
        }
        Assert.Equal(kind, await factory.WithDbAsync(db => db.Items.Where(i => i.Id == id).Select(i => i.Kind).SingleAsync()));

        // Its page; the thread's item page sends a kind with its own pages there.
        Assert.Contains(title, (await member.OpenAsync(d.PageUrl(id))).MainText, StringComparison.Ordinal);
        if (d.HasOwnPages)
        {
            using var moved = await member.GetAsync($"/draad/{id}");
            Expect.Redirect(moved, d.PageUrl(id));
        }

        // The trace: linked to a need (or an insight), it shows with its own label, and the API gives its API name.
        var partnerKind = kind == ItemKind.Need ? ItemKind.Insight : ItemKind.Need;
        var partner = await factory.ItemAsync(team.Id, partnerKind, "Partner");
        await factory.WithDbAsync(db =>
        {
            db.Links.Add(new Link { ProjectId = team.Id, FromId = id, ToId = partner, Type = LinkType.Supports, CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var trace = await member.OpenAsync($"/draad/{partner}/spoor");
        Assert.Contains(trace.Document.QuerySelectorAll("main .pt-tag"), t => t.TextContent.Trim() == d.Label);
        var api = await member.GetJsonAsync($"/api/v1/items/{partner}/trace");
        Assert.Contains(api.GetProperty("backward").EnumerateArray(), e =>
            e.GetProperty("item").GetProperty("id").GetInt32() == id && e.GetProperty("item").GetProperty("kind").GetString() == d.ApiSlug
            && e.GetProperty("link").GetString() == "supports");
        Assert.Equal(d.ApiSlug, (await member.GetJsonAsync($"/api/v1/items/{id}/trace")).GetProperty("item").GetProperty("kind").GetString());

        // Search.
        var search = await member.OpenAsync($"/projecten/{team.Id}/zoeken?q={word}");
        Assert.Contains(search.Document.QuerySelectorAll(".pt-search-results a"), a => a.TextContent == title);

        // The knowledge balance: in its row under the member's kennisbron (Experience), or nowhere when it does not count.
        var balance = (await member.GetJsonAsync($"/api/v1/projects/{team.Id}")).GetProperty("knowledgeBalance").GetProperty("contributionsByKind");
        var partnerRow = ThreadKinds.For(partnerKind).Balance.Row!.ApiSlug;
        var total = balance.EnumerateObject().Sum(r => r.Value.EnumerateObject().Sum(c => c.Value.GetInt32()));
        if (d.Balance.Row is { } row)
        {
            var source = MemberSlugs.Perspective.Of(d.Balance.SourceOf(Perspective.Experience));
            Assert.Equal(row.ApiSlug == partnerRow ? 2 : 1, balance.GetProperty(row.ApiSlug).GetProperty(source).GetInt32());
            Assert.Equal(2, total);
        }
        else
        {
            Assert.Equal(1, total);
        }
    }
}
