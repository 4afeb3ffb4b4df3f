using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractFormFooterAndCountryTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "filled_by",
                table: "tech_contracts",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "filled_on",
                table: "tech_contracts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "responsible_person",
                table: "tech_contracts",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            // Issue 22: 国别（地区） follows the customs 国别（地区）代码表 the national form's 填写说明 names (中国 = 142), not ISO 3166
            // (156). Every stored "156" becomes "142"; the code table itself is seeded at startup (ReferenceSeed, CodeTableCatalog).
            migrationBuilder.Sql("""
                UPDATE tech_contracts SET seller_country_code = '142' WHERE seller_country_code = '156';
                UPDATE tech_contracts SET buyer_country_code = '142' WHERE buyer_country_code = '156';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE tech_contracts SET seller_country_code = '156' WHERE seller_country_code = '142';
                UPDATE tech_contracts SET buyer_country_code = '156' WHERE buyer_country_code = '142';
                """);

            migrationBuilder.DropColumn(
                name: "filled_by",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "filled_on",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "responsible_person",
                table: "tech_contracts");
        }
    }
}
