using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FirstProductAnswersDemand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "demand_entry_id",
                table: "first_product_applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_first_product_applications_demand_entry_id",
                table: "first_product_applications",
                column: "demand_entry_id");

            migrationBuilder.AddForeignKey(
                name: "fk_first_product_applications_first_product_demand_demand_entr",
                table: "first_product_applications",
                column: "demand_entry_id",
                principalTable: "first_product_demand",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_first_product_applications_first_product_demand_demand_entr",
                table: "first_product_applications");

            migrationBuilder.DropIndex(
                name: "ix_first_product_applications_demand_entry_id",
                table: "first_product_applications");

            migrationBuilder.DropColumn(
                name: "demand_entry_id",
                table: "first_product_applications");
        }
    }
}
