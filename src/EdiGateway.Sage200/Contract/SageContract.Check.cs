using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdiGateway.Sage200.Contract;

public sealed partial class SageContract
{
    /// <summary>
    /// Checks a request body: every field known and writable, types and lengths as published, required fields
    /// present. Documented oddities are exempt: <c>sop_order.document_no</c> (ignored under auto-numbering),
    /// <c>sop_despatch_receipt_item.id</c> (read-only yet required), <c>sop_order_line.id</c> (read-only, yet how a PUT names the line to change or delete), and line requirements that depend on
    /// <c>line_type</c> (checked by line type instead).
    /// </summary>
    public IReadOnlyList<SageContractViolation> CheckRequest(string method, string resourcePath, JsonNode? body)
    {
        var template = ToTemplate(resourcePath);
        if (!HasOperation(method, template))
        {
            return [new SageContractViolation("$", "operation", $"{method} {template} is not a published Sage operation")];
        }

        var (request, _) = Operation(method, template);
        var found = new List<SageContractViolation>();
        if (request is null)
        {
            if (body is not null)
            {
                found.Add(new SageContractViolation("$", "body", "operation takes no body"));
            }

            return found;
        }

        CheckNode(body, request, "$", isRequest: true, found);
        if (string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase))
        {
            // a PUT sends only what changes: the root's required fields are already on the record
            found.RemoveAll(v => v.Rule == "required" && v.JsonPath.Count(ch => ch == '.') == 1);
        }

        return found;
    }

    /// <summary>Checks a response body against the published response schema (fields known, types, lengths).</summary>
    public IReadOnlyList<SageContractViolation> CheckResponse(string method, string resourcePath, JsonNode? body)
    {
        var template = ToTemplate(resourcePath);
        if (!HasOperation(method, template))
        {
            return [new SageContractViolation("$", "operation", $"{method} {template} is not a published Sage operation")];
        }

        var (_, response) = Operation(method, template);
        var found = new List<SageContractViolation>();
        if (response is not null)
        {
            CheckNode(body, response, "$", isRequest: false, found);
        }

        return found;
    }

    private void CheckNode(JsonNode? node, string schemaRef, string path, bool isRequest, List<SageContractViolation> found)
    {
        if (schemaRef.EndsWith("[]", StringComparison.Ordinal))
        {
            if (node is not JsonArray array)
            {
                found.Add(new(path, "type", "expected a bare JSON array"));
                return;
            }

            for (var i = 0; i < array.Count; i++)
            {
                CheckNode(array[i], schemaRef[..^2], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), isRequest, found);
            }

            return;
        }

        if (!Schemas.TryGetValue(schemaRef, out var schema))
        {
            if (node is not JsonValue)
            {
                found.Add(new(path, "type", $"expected {schemaRef}"));
            }

            return;
        }

        CheckObject(node, schema, path, isRequest, found);
    }

    private void CheckObject(JsonNode? node, SageSchema schema, string path, bool isRequest, List<SageContractViolation> found)
    {
        if (node is not JsonObject obj)
        {
            found.Add(new(path, "type", $"expected object {schema.Name}"));
            return;
        }

        foreach (var (name, value) in obj)
        {
            var at = path + "." + name;
            if (!schema.Properties.TryGetValue(name, out var prop))
            {
                found.Add(new(at, "unknown-field", $"{schema.Name} has no field {name}"));
                continue;
            }

            if (isRequest && prop.ReadOnly && !(schema.Name is "sop_despatch_receipt_item" or "sop_order_line" && name == "id"))
            {
                found.Add(new(at, "read-only", $"{schema.Name}.{name} is read-only"));
            }

            CheckValue(value, prop, at, isRequest, found);
        }

        if (isRequest)
        {
            foreach (var req in RequiredFor(schema, obj))
            {
                if (obj[req] is null)
                {
                    found.Add(new(path + "." + req, "required", $"{schema.Name}.{req} is required"));
                }
            }
        }
    }

    /// <summary>
    /// Known oddity: the spec names the receipt type <c>TradingAccountEntryTypePurchasePaymentSalesReceipt</c> (50)
    /// while <c>trader_transaction_type</c> is published with maxLength 30.
    /// </summary>
    private static bool IsPublishedEnumLongerThanLimit(string at, string value) =>
        at.EndsWith(".trader_transaction_type", StringComparison.Ordinal) && value.StartsWith("TradingAccountEntryType", StringComparison.Ordinal);

    private static IEnumerable<string> RequiredFor(SageSchema schema, JsonObject obj) => schema.Name switch
    {
        "sop_order" => schema.Required.Where(r => r != "document_no"),
        "sop_order_line" => (obj["line_type"]?.GetValue<string>()) switch
        {
            "EnumLineTypeStandard" => ["line_type", "product_id", "warehouse_id"],
            "EnumLineTypeFreeText" or "EnumLineTypeComment" => ["line_type", "description"],
            "EnumLineTypeCharge" => obj["code"] is null ? ["line_type", "description"] : ["line_type"],
            _ => ["line_type"],
        },
        _ => schema.Required,
    };

    private void CheckValue(JsonNode? value, SageProperty prop, string at, bool isRequest, List<SageContractViolation> found)
    {
        if (value is null)
        {
            return;
        }

        switch (prop.Type)
        {
            case "string":
                if (value is not JsonValue sv || sv.GetValueKind() != JsonValueKind.String)
                {
                    found.Add(new(at, "type", "expected string"));
                    return;
                }

                var s = sv.GetValue<string>();
                if (prop.MaxLength is int max && s.Length > max && !(isRequest is false && IsPublishedEnumLongerThanLimit(at, s)))
                {
                    found.Add(new(at, "max-length", string.Create(CultureInfo.InvariantCulture, $"length {s.Length} exceeds {max}")));
                }

                if (prop.Format == "date-time" && (!s.Contains('T', StringComparison.Ordinal) || !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)))
                {
                    found.Add(new(at, "date-time", "expected a date-time such as 2025-03-14T00:00:00Z"));
                }

                break;
            case "integer":
                if (value is not JsonValue iv || iv.GetValueKind() != JsonValueKind.Number || !long.TryParse(iv.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    found.Add(new(at, "type", "expected integer"));
                }

                break;
            case "number":
                if (value is not JsonValue nv || nv.GetValueKind() != JsonValueKind.Number)
                {
                    found.Add(new(at, "type", "expected number"));
                }

                break;
            case "boolean":
                if (value is not JsonValue bv || bv.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    found.Add(new(at, "type", "expected boolean"));
                }

                break;
            case "array":
                if (value is not JsonArray arr)
                {
                    found.Add(new(at, "type", "expected array"));
                    return;
                }

                for (var i = 0; i < arr.Count; i++)
                {
                    var itemAt = string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]");
                    if (prop.Items is not null && Schemas.TryGetValue(prop.Items, out var itemSchema))
                    {
                        CheckObject(arr[i], itemSchema, itemAt, isRequest, found);
                    }
                }

                break;
            case "object":
                if (value is not JsonObject)
                {
                    found.Add(new(at, "type", "expected object"));
                    return;
                }

                if (prop.Schema is not null && Schemas.TryGetValue(prop.Schema, out var child))
                {
                    CheckObject(value, child, at, isRequest, found);
                }

                break;
        }
    }
}
