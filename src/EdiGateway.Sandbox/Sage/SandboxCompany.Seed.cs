using System.Text.Json.Nodes;

namespace EdiGateway.Sandbox.Sage;

public sealed partial class SandboxCompany
{
    /// <summary>X-Site of the sandbox company.</summary>
    public const string SiteId = "5a4e4a1c-5a9d-4c1e-9a11-5a4db0c0ffee";

    /// <summary>X-Company of the sandbox company.</summary>
    public const int CompanyId = 1;

    /// <summary>Seeds the demo company (all names invented; clearly a SANDBOX).</summary>
    private void Seed()
    {
        Put("sop_settings", 1, new JsonObject
        {
            ["auto_generate_order_return_numbers"] = true, ["allocate_stock_on_order_entry"] = options.AllocateStockOnOrderEntry,
            ["update_stock_on_despatch"] = options.UpdateStockOnDespatch, ["are_prices_tax_inclusive"] = false, ["allow_cash_orders"] = true,
            ["allow_payment_with_order"] = true, ["amend_nominal_codes"] = true, ["amend_analysis_codes"] = true, ["record_tracking_on_despatch"] = true,
            ["order_line_item_type"] = "OrderLineItemTypeAll",
        });
        Put("tax_codes", 1729, new JsonObject { ["code"] = 1, ["name"] = "Standard rate 20%", ["tax_rate"] = 20.00m, ["terms"] = "Standard", ["is_notional_acquisition_tax"] = false });
        Put("tax_codes", 1730, new JsonObject { ["code"] = 0, ["name"] = "Zero rated", ["tax_rate"] = 0.00m, ["terms"] = "Zero", ["is_notional_acquisition_tax"] = false });
        Put("tax_codes", 1731, new JsonObject { ["code"] = 2, ["name"] = "Exempt", ["tax_rate"] = 0.00m, ["terms"] = "Exempt", ["is_notional_acquisition_tax"] = false });
        var nominal = new (long Id, string Ref, string Name, string Type)[]
        {
            (501, "1100", "Debtors control", "BalanceSheet"), (502, "1200", "Bank current account", "BalanceSheet"),
            (503, "1210", "Clearing account (Amazon / PSP payouts)", "BalanceSheet"), (504, "2200", "VAT output", "BalanceSheet"),
            (505, "4000", "Sales - trade", "ProfitAndLoss"), (506, "4010", "Sales - Amazon VC", "ProfitAndLoss"),
            (507, "4020", "Sales - web shop", "ProfitAndLoss"), (508, "4900", "Carriage out", "ProfitAndLoss"),
            (509, "7900", "Marketplace fees and chargebacks", "ProfitAndLoss"),
        };
        foreach (var (id, reference, name, type) in nominal)
        {
            Put("nominal_codes", id, new JsonObject
            {
                ["name"] = name, ["reference"] = reference, ["cost_centre_code"] = "", ["department_code"] = "", ["nominal_account_type"] = type,
                ["account_status_type"] = "AccountStatusActive", ["allow_manual_journal_entries"] = true, ["report_category_id"] = 1,
            });
        }

        Put("banks", 1001, new JsonObject
        {
            ["code"] = "1200", ["description"] = "SANDBOX current account", ["sort_code"] = "00-00-00", ["account_no"] = "00000001", ["bank_name"] = "Sandbox Bank",
            ["account_type"] = "Current", ["account_status_type"] = "AccountStatusActive", ["balance"] = 0m, ["bank_account_nominal_reference"] = "1200",
        });
        Put("banks", 1002, new JsonObject
        {
            ["code"] = "1210", ["description"] = "SANDBOX clearing account (Amazon/PSP payouts)", ["sort_code"] = "00-00-00", ["account_no"] = "00000002", ["bank_name"] = "Sandbox Bank",
            ["account_type"] = "Current", ["account_status_type"] = "AccountStatusActive", ["balance"] = 0m, ["bank_account_nominal_reference"] = "1210",
        });
        var customers = new (long Id, string Ref, string Name, string Street, string City, string Postcode, long Terms)[]
        {
            (27006, "AMZBHX4", "Amazon EU SARL (UK) - BHX4", "Plot 1 Mill Lane", "Coventry", "CV1 1AA", 60),
            (27007, "AMZLBA2", "Amazon EU SARL (UK) - LBA2", "Unit 2 Sandbox Park", "Doncaster", "DN1 1AA", 60),
            (27008, "AMZEUK5", "Amazon EU SARL (UK) - EUK5", "Sandbox Way", "Peterborough", "PE1 1AA", 60),
            (27009, "WEBCASH", "Web shop cash sales", "1 Sandbox Street", "London", "EC1A 1AA", 0),
            (27010, "BRIGHT01", "Bright Retail Ltd (SANDBOX)", "12 High Street", "Leeds", "LS1 1AA", 30),
            (27011, "NORTH001", "Northern Garden Supplies (SANDBOX)", "4 Dale Road", "York", "YO1 1AA", 30),
        };
        foreach (var (id, reference, name, street, city, postcode, terms) in customers)
        {
            Put("customers", id, new JsonObject
            {
                ["reference"] = reference, ["name"] = name, ["short_name"] = reference, ["on_hold"] = false, ["account_status_type"] = "AccountStatusActive",
                ["currency_id"] = 1, ["credit_limit"] = reference == "WEBCASH" ? 0m : 50000m, ["default_tax_code_id"] = 1729, ["payment_terms_days"] = terms,
["analysis_code_1"] = reference.StartsWith("AMZ", StringComparison.Ordinal) ? "AMAZON_VC" : "",
                ["main_address"] = new JsonObject { ["address_1"] = street, ["city"] = city, ["postcode"] = postcode, ["address_country_code_id"] = 1 },
            });
        }

        Put("warehouses", 1214, new JsonObject { ["name"] = "MAIN", ["description"] = "Main warehouse (SANDBOX)", ["warehouse_type"] = "WarehouseTypeStandard", ["use_for_sales_trading"] = true, ["city"] = "Leeds", ["postcode"] = "LS2 2AA" });
        Put("warehouses", 1215, new JsonObject { ["name"] = "3PL-LEEDS", ["description"] = "3PL warehouse (SANDBOX)", ["warehouse_type"] = "WarehouseTypeStandard", ["use_for_sales_trading"] = true, ["city"] = "Leeds", ["postcode"] = "LS9 9AA" });
        Put("warehouses", 1216, new JsonObject { ["name"] = "RETURNS", ["description"] = "Returns (not for sale)", ["warehouse_type"] = "WarehouseTypeReturns", ["use_for_sales_trading"] = false });
        var products = new (long Id, string Code, string Name, string Barcode, decimal Price, int CaseSize, decimal Main, decimal Tpl)[]
        {
            (135872, "MUG-BLU-350", "Blue stoneware mug 350ml", "5012345678900", 4.25m, 12, 100_000m, 20_000m),
            (135873, "TEA-EBR-080", "English breakfast tea, 80 bags", "5012345678917", 2.10m, 24, 100_000m, 50_000m),
            (135874, "GIFT-SET-01", "Mug and tea gift set", "5012345678924", 12.50m, 6, 20_000m, 0m),
            (135875, "TOWEL-GRY-L", "Grey bath towel, large", "5012345678931", 9.99m, 10, 50_000m, 10_000m),
        };
        long holdingId = 88001;
        foreach (var (id, code, name, barcode, price, caseSize, main, tpl) in products)
        {
            Put("products", id, new JsonObject
            {
                ["code"] = code, ["name"] = name, ["description"] = name, ["barcode"] = barcode, ["allow_sales_order"] = true, ["product_group_id"] = 1,
                ["tax_code_id"] = 1729, ["product_status_type"] = "ProductStatusActive", ["base_unit_id"] = 5010, ["stock_unit_id"] = 5010, ["standard_cost"] = Math.Round(price / 2, 2),
                ["_list_price"] = price,
                ["_units"] = new JsonArray(new JsonObject { ["id"] = 5010, ["name"] = "Each", ["multiple"] = 1m }, new JsonObject { ["id"] = 5011, ["name"] = "Case of " + caseSize, ["multiple"] = (decimal)caseSize }),
            });
            foreach (var (warehouse, qty) in new[] { (1214L, main), (1215L, tpl), (1216L, 0m) })
            {
                Put("warehouse_holdings", holdingId++, new JsonObject
                {
                    ["warehouse_id"] = warehouse, ["product_id"] = id, ["reorder_level"] = 0m, ["minimum_level"] = 0m, ["maximum_level"] = 0m,
                    ["confirmed_qty_in_stock"] = qty, ["unconfirmed_qty_in_stock"] = 0m, ["quantity_reserved"] = 0m, ["quantity_on_order"] = 0m,
                    ["quantity_allocated_stock"] = 0m, ["quantity_allocated_sop"] = 0m, ["quantity_allocated_bom"] = 0m,
                });
            }
        }
    }

    private void Put(string resource, long id, JsonObject record)
    {
        record["id"] = id;
        record["date_time_created"] = Now;
        record["date_time_updated"] = Now;
        store.Put(resource, id, record);
    }
}
