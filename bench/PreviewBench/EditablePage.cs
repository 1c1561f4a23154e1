using System.Text.RegularExpressions;

/// <summary>
/// The page the benchmark edits: its file, its URL, and its current title and appended marker paragraph. Each
/// edit changes one of the two and keeps the other, so a body edit never also changes the title back.
/// </summary>
sealed class EditablePage
{
    private readonly string _beforeTitle, _afterTitle;
    private string _titleLine, _appended = "";

    private EditablePage(string path, string url, string original)
    {
        (Path, Url) = (path, url);
        var frontMatterEnd = original.IndexOf("\n---", 3, StringComparison.Ordinal);
        var title = Regex.Match(original, "^title:[^\n]*", RegexOptions.Multiline);
        if (!original.StartsWith("---\n", StringComparison.Ordinal) || !title.Success || title.Index > frontMatterEnd)
            throw new InvalidOperationException($"{path}: no title line in its front matter");
        (_beforeTitle, _titleLine, _afterTitle) = (original[..title.Index], title.Value, original[(title.Index + title.Length)..]);
    }

    public string Path { get; }

    /// <summary>The page's pretty URL, which both generators give it: <c>life/siberia.md</c> → <c>/life/siberia/</c>.</summary>
    public string Url { get; }

    /// <summary>
    /// The first prose page in a section (not a work, not a section or home page) of a content folder: our
    /// input folder or a Hugo site's content/. Both hold the same files, so both pick the same page.
    /// </summary>
    public static EditablePage FirstProsePage(string contentRoot)
    {
        var separator = System.IO.Path.DirectorySeparatorChar;
        var path = Directory.EnumerateFiles(contentRoot, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("index.md", StringComparison.Ordinal) && !f.Contains($"{separator}works{separator}", StringComparison.Ordinal)
                        && System.IO.Path.GetDirectoryName(f) != contentRoot && !System.IO.Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal).First();
        var url = "/" + System.IO.Path.GetRelativePath(contentRoot, path).Replace('\\', '/')[..^3] + "/";
        return new EditablePage(path, url, File.ReadAllText(path));
    }

    /// <summary>Writes the page with a new front-matter title.</summary>
    public void SetTitle(string title)
    {
        _titleLine = $"title: \"{title}\"";
        Write();
    }

    /// <summary>Writes the page with a new paragraph at the end of its body, in place of the last one added.</summary>
    public void SetAppendedParagraph(string text)
    {
        _appended = "\n\n" + text + "\n";
        Write();
    }

    private void Write() => File.WriteAllText(Path, _beforeTitle + _titleLine + _afterTitle + _appended);
}
