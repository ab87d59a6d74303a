using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NbsRoundup.Browser.Tests.Journeys;

/// <summary>
/// An editor adds an entry to the 2021-11 issue as a draft and publishes it, while a reader,
/// signed out in a browser context of their own, looks for it. Each test adds its own entry,
/// with a word no other entry has, so the tests neither see each other's entries nor change
/// what the reader tests find.
/// </summary>
[Collection(BrowserTests.Name)]
public class EditorJourneyTests(BrowserPortal browser)
{
    [Fact]
    public async Task An_editor_drafts_an_entry_previews_it_and_readers_find_it_only_once_it_is_published() =>
        await browser.VisitAsEditorAndReaderAsync(async (editor, reader) =>
        {
            const string slug = "quillwort-saltmarsh-guide";
            const string title = "滨海盐沼水韭保护指南";

            await editor.GotoAsync("/account/sign-in");
            await editor.GetByLabel("电子邮箱").FillAsync(browser.Editor.Email);
            await editor.GetByLabel("密码").FillAsync(browser.Editor.Password);
            await editor.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(editor).ToHaveURLAsync(new Regex("/admin$"));

            await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "基于自然的解决方案通讯 2021年11月" }).ClickAsync();
            await Expect(editor).ToHaveURLAsync(new Regex("/admin/issues/2021-11$"));
            await editor.Locator("section[aria-labelledby='section-research']")
                .GetByRole(AriaRole.Link, new() { Name = "在这个栏目中添加条目" }).ClickAsync();
            await Expect(editor.GetByLabel("栏目")).ToHaveValueAsync("research");

            await editor.GetByLabel("标题（按原文）").FillAsync(title);
            await editor.GetByLabel("摘要（Markdown）").FillAsync("**Quillwort**（水韭）生长在盐沼边缘；[保护指南](https://example.org/quillwort)。");
            await editor.GetByLabel("草稿：发布前读者看不到").CheckAsync();
            await editor.GetByLabel("地址（slug）").FillAsync(slug);

            await editor.GetByRole(AriaRole.Button, new() { Name = "预览摘要" }).ClickAsync();
            var preview = editor.GetByRole(AriaRole.Region, new() { Name = "预览" });
            await Expect(preview.Locator("strong")).ToHaveTextAsync("Quillwort");
            await Expect(preview.GetByRole(AriaRole.Link, new() { Name = "保护指南" })).ToHaveAttributeAsync("href", "https://example.org/quillwort");
            await Expect(preview).Not.ToContainTextAsync("**");
            // The preview kept what was typed, and saved none of it.
            await Expect(editor.GetByLabel("标题（按原文）")).ToHaveValueAsync(title);
            await Expect(editor.GetByLabel("草稿：发布前读者看不到")).ToBeCheckedAsync();
            Assert.Equal(404, (await reader.GotoAsync($"/entries/{slug}"))!.Status);

            await editor.GetByRole(AriaRole.Button, new() { Name = "添加条目" }).ClickAsync();
            await Expect(editor).ToHaveURLAsync(new Regex($"/admin/issues/2021-11#{slug}$"));
            await Expect(editor.Locator($"#{slug}")).ToContainTextAsync(title);
            await Expect(editor.Locator($"#{slug} .badge.draft")).ToHaveTextAsync("草稿");

            await ExpectHiddenFromReadersAsync(reader, slug, title, "Quillwort");

            await editor.Locator($"#{slug}").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(editor).ToHaveURLAsync(new Regex($"/admin/entries/{slug}/edit$"));
            await editor.GetByLabel("草稿：发布前读者看不到").UncheckAsync();
            await editor.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");

            await reader.GotoAsync("/entries?q=Quillwort");
            await Expect(reader.Locator(".result-count")).ToHaveTextAsync("共 1 条");
            await reader.Locator(".result").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(reader).ToHaveURLAsync(new Regex($"/entries/{slug}$"));
            await Expect(reader.Locator("h1")).ToHaveTextAsync(title);
            await Expect(reader.Locator("main strong")).ToHaveTextAsync("Quillwort");
            await ExpectOnTheIssuePageAsync(reader, slug, title);
        });

    [Fact]
    public async Task A_keyboard_editor_drafts_previews_and_publishes_an_entry_that_a_keyboard_reader_then_finds() =>
        await browser.VisitAsEditorAndReaderAsync(async (editor, reader) =>
        {
            const string slug = "samphire-restoration-notes";
            const string title = "海蓬子盐沼恢复笔记";

            await editor.GotoAsync("/account/sign-in");
            await KeyboardReader.AssertFormFieldsLabelledAsync(editor);
            await KeyboardReader.TabToAsync(editor, "#Input_Email");
            await editor.Keyboard.TypeAsync(browser.Editor.Email);
            await KeyboardReader.TabToAsync(editor, "#Input_Password");
            await editor.Keyboard.TypeAsync(browser.Editor.Password);
            await KeyboardReader.FollowAsync(editor, new Regex("/admin$"));

            await KeyboardReader.TabToAsync(editor, "main a[href='/admin/issues/2021-11']");
            await KeyboardReader.FollowAsync(editor, new Regex("/admin/issues/2021-11$"));
            // Seventy entries with their tools lie between the top and the last section's link:
            // Shift+Tab reaches it from the end of the page, as a keyboard user would.
            await KeyboardReader.TabToAsync(editor, "a[href='/admin/issues/2021-11/entries/new?section=events']", backwards: true);
            await KeyboardReader.FollowAsync(editor, new Regex("/entries/new\\?section=events$"));

            await KeyboardReader.AssertFormFieldsLabelledAsync(editor);
            await KeyboardReader.TabToAsync(editor, "#Input_Title");
            await editor.Keyboard.TypeAsync(title);
            await KeyboardReader.TabToAsync(editor, "#Input_Summary");
            await editor.Keyboard.TypeAsync("Samphire (*海蓬子*) returns to the salt marsh.\n\n- seeds sown in spring");
            await KeyboardReader.TabToAsync(editor, "button[formaction*='handler=Preview']");
            await KeyboardReader.FollowAsync(editor, new Regex("handler=Preview$"));
            var preview = editor.Locator("section.preview");
            await Expect(preview.Locator("em")).ToHaveTextAsync("海蓬子");
            await Expect(preview.Locator("li")).ToHaveTextAsync("seeds sown in spring");

            await KeyboardReader.AssertFormFieldsLabelledAsync(editor);
            await KeyboardReader.TabToAsync(editor, "#Input_Draft");
            await editor.Keyboard.PressAsync("Space");
            await Expect(editor.Locator("#Input_Draft")).ToBeCheckedAsync();
            await KeyboardReader.TabToAsync(editor, "#Input_Slug");
            await editor.Keyboard.TypeAsync(slug);
            await KeyboardReader.TabToAsync(editor, "main form button.primary");
            await KeyboardReader.FollowAsync(editor, new Regex($"/admin/issues/2021-11#{slug}$"));
            await Expect(editor.Locator($"#{slug} .badge.draft")).ToHaveTextAsync("Draft");

            await ExpectHiddenFromReadersAsync(reader, slug, title, "Samphire");

            // The address's #slug moved the keyboard to the new entry: its edit link is the next stop.
            await KeyboardReader.TabToAsync(editor, $"#{slug} .entry-line a", maxPresses: 1);
            await KeyboardReader.FollowAsync(editor, new Regex($"/admin/entries/{slug}/edit$"));
            await KeyboardReader.AssertFormFieldsLabelledAsync(editor);
            await KeyboardReader.TabToAsync(editor, "#Input_Draft");
            await editor.Keyboard.PressAsync("Space");
            await Expect(editor.Locator("#Input_Draft")).Not.ToBeCheckedAsync();
            await KeyboardReader.TabToAsync(editor, "main form button.primary");
            await KeyboardReader.FollowAsync(editor, new Regex($"/admin/entries/{slug}/edit\\?saved=True$"));
            await Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

            await reader.GotoAsync("/");
            await KeyboardReader.TabToAsync(reader, "nav.main-nav a[href='/entries']");
            await KeyboardReader.FollowAsync(reader, new Regex("/entries$"));
            await KeyboardReader.TabToAsync(reader, "#q");
            await reader.Keyboard.TypeAsync("samphire");
            await KeyboardReader.FollowAsync(reader, new Regex(@"/entries\?q=samphire"));
            await Expect(reader.Locator(".result-count")).ToHaveTextAsync("共 1 条");
            await KeyboardReader.TabToAsync(reader, $".result a[href='/entries/{slug}']");
            await KeyboardReader.FollowAsync(reader, new Regex($"/entries/{slug}$"));
            await Expect(reader.Locator("h1")).ToHaveTextAsync(title);
            await ExpectOnTheIssuePageAsync(reader, slug, title);
        }, editor: Reader.EnglishDesktop);

    /// <summary>A signed-out reader finds the draft nowhere: not in its issue, not in a search, not at its address.</summary>
    private static async Task ExpectHiddenFromReadersAsync(IPage reader, string slug, string title, string word)
    {
        await reader.GotoAsync("/issues/2021-11");
        await Expect(reader.Locator("h1")).ToHaveTextAsync("基于自然的解决方案通讯 2021年11月");
        await Expect(reader.Locator("main")).Not.ToContainTextAsync(title);
        await Expect(reader.Locator($"#{slug}")).ToHaveCountAsync(0);

        await reader.GotoAsync($"/entries?q={word}");
        await Expect(reader.Locator(".result-count")).ToHaveTextAsync("共 0 条");

        Assert.Equal(404, (await reader.GotoAsync($"/entries/{slug}"))!.Status);
    }

    private static async Task ExpectOnTheIssuePageAsync(IPage reader, string slug, string title)
    {
        await reader.GotoAsync("/issues/2021-11");
        await Expect(reader.Locator($"article#{slug} .entry-title")).ToHaveTextAsync(title);
        await Expect(reader.Locator("nav.toc").GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(1);
    }
}
