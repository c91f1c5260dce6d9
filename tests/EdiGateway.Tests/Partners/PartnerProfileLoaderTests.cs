using EdiGateway.Partners;
using EdiGateway.Tests.Support;

namespace EdiGateway.Tests.Partners;

public sealed class PartnerProfileLoaderTests : IDisposable
{
    private readonly TempDirectory root = new("edigw-partners");

    [Fact]
    public void Load_ShippedSampleProfiles_AllValid()
    {
        var repo = Repository.Root;
        var snapshot = PartnerCatalog.LoadAll(Path.Combine(repo, "partners"), Path.Combine(repo, "edi-specs", "guides"));

        Assert.Empty(snapshot.Problems);
        Assert.Contains("amazon-vc-test", snapshot.Partners.Keys);
        Assert.Contains("acme-3pl-test", snapshot.Partners.Keys);
        var amazon = snapshot.Partners["amazon-vc-test"];
        Assert.Equal(PartnerMode.Test, amazon.Mode);
        Assert.Equal(new EdiIdentity("ZZ", "AMAZON"), amazon.Identifiers.Partner);
        Assert.Equal("MUG-BLU-350", amazon.CrossReferences["items"].Rows[0]["sageProductCode"]);
        Assert.Equal(24m, amazon.Sla["poAcknowledgementHours"]);
    }

    [Fact]
    public void Load_BadFields_RefusedWithFileFieldAndReasonEach()
    {
        var dir = Write("bad-partner", """
            id: other-name
            name: Bad
            kind: amazon-vendor-central
            mode: live
            identifiers:
              partner: { qualifier: Z, id: AMAZON }
              partnerGroupId: AMAZON
              ours: { qualifier: ZZ, id: THIS-ID-IS-FAR-TOO-LONG }
              ourGroupId: ACME
            flows:
              - { flow: amazon-999, guide: amazon-vendor-central }
            crossReferences:
              items: missing.csv
            """);

        var result = PartnerProfileLoader.Load(dir);

        Assert.Null(result.Profile);
        var file = Path.Combine(dir, "partner.yaml");
        Assert.All(result.Problems, p => Assert.Equal(file, p.File));
        Assert.Contains(result.Problems, p => p.Field == "id" && p.Reason.Contains("must equal the folder name 'bad-partner'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Field == "mode" && p.Reason == "'live' must be test or production");
        Assert.Contains(result.Problems, p => p.Field == "identifiers.partner.qualifier");
        Assert.Contains(result.Problems, p => p.Field == "identifiers.ours.id" && p.Reason.Contains("1 to 15 characters", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Field == "flows[0].flow" && p.Reason.Contains("'amazon-999' is not a known flow", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Field == "crossReferences.items" && p.Reason == "file 'missing.csv' does not exist");
    }

    [Fact]
    public void Load_YamlSyntaxError_RefusedWithLineAndColumn()
    {
        var dir = Write("broken", "id: broken\nname: [unclosed\n");

        var result = PartnerProfileLoader.Load(dir);

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("line ", problem.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepLastGood_ProfileBrokenByAnEdit_PreviousVersionStaysInForceAndOthersUnaffected()
    {
        var good = Write("p1", Valid("p1"));
        Write("p2", Valid("p2"));
        var first = PartnerCatalog.LoadAll(root.Path, Path.Combine(root.Path, "no-guides"));
        File.WriteAllText(Path.Combine(good, "partner.yaml"), "id: p1\nname: P1\nkind: nonsense\n");

        var second = PartnerCatalog.KeepLastGood(first, PartnerCatalog.LoadAll(root.Path, Path.Combine(root.Path, "no-guides")));

        Assert.Equal(2, first.Partners.Count);
        Assert.Same(first.Partners["p1"], second.Partners["p1"]);
        Assert.Contains("p2", second.Partners.Keys);
        Assert.NotEmpty(second.Problems);
    }

    [Fact]
    public async Task PartnerValidateCommand_InvalidFolder_ExitsOneAndPrintsEachProblem()
    {
        var dir = Write("bad-one", "id: bad-one\nname: x\nkind: warehouse-3pl\nmode: test\n");

        var (code, output) = await EdigwProcess.RunAsync(["partner", "validate", dir, "--home", root.Path]);

        Assert.Equal(1, code);
        Assert.Contains($"invalid: {Path.Combine(dir, "partner.yaml")}: identifiers: is required", output, StringComparison.Ordinal);
    }

    private string Write(string id, string yaml)
    {
        var dir = Directory.CreateDirectory(root.Combine(id)).FullName;
        File.WriteAllText(Path.Combine(dir, "partner.yaml"), yaml);
        return dir;
    }

    private static string Valid(string id) => $$"""
        id: {{id}}
        name: Partner {{id}}
        kind: warehouse-3pl
        mode: production
        identifiers:
          partner: { qualifier: ZZ, id: {{id.ToUpperInvariant()}} }
          partnerGroupId: {{id.ToUpperInvariant()}}
          ours: { qualifier: ZZ, id: ACME }
          ourGroupId: ACME
        flows:
          - { flow: warehouse-940, guide: generic-3pl }
        """;

    public void Dispose() => root.Dispose();
}
