using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Timmy.Tests.Swarm;

namespace Timmy.Tests.Memory.Api;

/// <summary><c>/api/v1/memory/documents</c>: text and Markdown uploaded as a form or as JSON, stored as chunks that list
/// as document entries and are deleted together; anything else refused, naming the field, with nothing stored.</summary>
public sealed class MemoryDocumentEndpointsTests : MemoryApiTests
{
    protected override (string Key, string Value)[] Settings => [("Timmy:Memory:MaxContentLength", "400"), ("Timmy:Memory:MaxDocumentLength", "4000")];

    private static readonly string Markdown = string.Join("\n\n", Enumerable.Range(1, 6).Select(i =>
        $"# Part {i}\n\n" + string.Join(' ', Enumerable.Repeat($"Section {i} explains the relay configuration in plain words.", 5))));

    [Fact]
    public async Task Upload_Multipart_StoresChunks_ListedAsDocuments_AndDeletedTogether()
    {
        var response = await Owner.PostAsync("/api/v1/memory/documents", Form("notes.md", Encoding.UTF8.GetBytes(Markdown), "true"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await response.BodyAsync();
        var id = document.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/memory/documents/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("notes.md", document.GetProperty("name").GetString());
        Assert.True(document.GetProperty("shared").GetBoolean());
        var chunks = document.GetProperty("chunks").GetInt32();
        Assert.True(chunks > 1, document.ToString());
        var entries = (await Owner.GetJsonAsync("/api/v1/memory?type=document&limit=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(chunks, entries.Count);
        Assert.All(entries, e => Assert.Equal(id, e.GetProperty("metadata").GetProperty("document_id").GetString()));
        Assert.Equal(id, Assert.Single((await Owner.GetJsonAsync("/api/v1/memory/documents")).EnumerateArray()).GetProperty("id").GetString());

        var deleted = await Owner.DeleteAsync($"/api/v1/memory/documents/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await Owner.GetJsonAsync("/api/v1/memory?type=document")).GetProperty("items").EnumerateArray());
        Assert.Empty((await Owner.GetJsonAsync("/api/v1/memory/documents")).EnumerateArray());
        await (await Owner.DeleteAsync($"/api/v1/memory/documents/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_Json_StoresChunks_SearchableByTheirWords()
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/memory/documents", new { name = "relay.txt", content = Markdown, shared = false }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await response.BodyAsync();
        Assert.False(document.GetProperty("shared").GetBoolean());
        Assert.Equal(document.GetProperty("chunks").GetInt32(), (await Memory.StatusAsync(Ct)).Stats.ByType["document"]);
        var hits = (await Owner.GetJsonAsync("/api/v1/memory/search?q=relay%20configuration&type=document")).GetProperty("hits");
        Assert.NotEmpty(hits.EnumerateArray());
    }

    [Fact]
    public async Task Upload_Utf8WithByteOrderMark_DropsTheMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Héllo, wörld.")).ToArray();

        var response = await Owner.PostAsync("/api/v1/memory/documents", Form("hello.txt", bytes), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = Assert.Single((await Owner.GetJsonAsync("/api/v1/memory?type=document")).GetProperty("items").EnumerateArray());
        Assert.Equal("Héllo, wörld.", entry.GetProperty("content").GetString());
    }

    public static TheoryData<string, byte[], string, string> BadForms => new()
    {
        { "latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 au lait"), "false", "file" },
        { "binary.txt", [0x48, 0x00, 0x49], "false", "file" },
        { "picture.png", "not really a picture"u8.ToArray(), "false", "file" },
        { "notes", "no extension"u8.ToArray(), "false", "file" },
        { "empty.md", "   \n "u8.ToArray(), "false", "file" },
        { "notes.md", "fine"u8.ToArray(), "maybe", "shared" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Upload_BadForm_Returns400NamingTheField_AndStoresNothing(string name, byte[] bytes, string shared, string field)
    {
        var response = await Owner.PostAsync("/api/v1/memory/documents", Form(name, bytes, shared), Ct);

        await response.AssertFieldRefusedAsync(field);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Upload_FormWithoutAFile_Returns400NamingFile()
    {
        var form = new MultipartFormDataContent { { new StringContent("true"), "shared" } };

        var response = await Owner.PostAsync("/api/v1/memory/documents", form, Ct);

        await response.AssertFieldRefusedAsync("file");
    }

    [Theory]
    [InlineData("""{"content":"Some text"}""", "name")]
    [InlineData("""{"name":"a.txt"}""", "content")]
    [InlineData("""{"name":"a.pdf","content":"Some text"}""", "name")]
    [InlineData("""{"name":"../a.txt","content":"Some text"}""", "name")]
    [InlineData("""{"name":"a.txt","content":"Some text","shared":"yes"}""", "shared")]
    [InlineData("""{"name":"a.txt","content":5}""", "content")]
    [InlineData("""null""", "body")]
    [InlineData("""{oops""", "body")]
    public async Task Upload_BadJson_Returns400NamingTheField_AndStoresNothing(string json, string field)
    {
        var response = await Owner.PostJsonAsync("/api/v1/memory/documents", json);

        await response.AssertFieldRefusedAsync(field);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Upload_TextOverTheDocumentLimit_Returns400NamingContent()
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/memory/documents", new { name = "big.txt", content = new string('a', 4_001) }, Ct);

        await response.AssertFieldRefusedAsync("content");
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Upload_BodyOverTheLimit_Returns413_AndStoresNothing()
    {
        var response = await Owner.PostAsync("/api/v1/memory/documents", Form("huge.txt", new byte[4_000 * 4 + 70 * 1024]), Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Upload_OtherContentType_Returns400NamingTheBody()
    {
        var response = await Owner.PostAsync("/api/v1/memory/documents", new StringContent("just text", Encoding.UTF8, "text/plain"), Ct);

        await response.AssertFieldRefusedAsync("body");
    }

    private static MultipartFormDataContent Form(string name, byte[] bytes, string shared = "false")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", name }, { new StringContent(shared), "shared" } };
    }
}
