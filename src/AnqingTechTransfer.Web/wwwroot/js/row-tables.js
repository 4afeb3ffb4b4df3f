// Editable row tables (Features/Shared/_RowTable.cshtml): rows posted as List[i].Field. Without this script the blank rows
// the server renders still post; with it, rows are added from the <template> and removed, the names renumbered so the
// list binds, and the summed columns (自筹合计, 申请资助合计, 总计) updated as one types.
(function () {
    'use strict';

    function amount(value) {
        var text = (value || '').replace(/[,，\s]/g, '');
        if (text === '' || !/^\d+(\.\d+)?$/.test(text)) {
            return 0;
        }
        return parseFloat(text);
    }

    function format(value) {
        return (Math.round(value * 100) / 100).toString();
    }

    document.querySelectorAll('[data-rows]').forEach(function (box) {
        var list = box.getAttribute('data-rows');
        var body = box.querySelector('[data-row-list]');
        var template = box.querySelector('template[data-row-template]');
        var add = box.querySelector('[data-add-row]');
        var table = box.querySelector('table');
        var max = parseInt(box.getAttribute('data-max-rows') || '0', 10);
        var cap = parseFloat(table.getAttribute('data-cap') || '');
        var warning = box.querySelector('[data-cap-warning]');
        if (!body || !template || !add) {
            return;
        }

        function rows() {
            return Array.prototype.slice.call(body.querySelectorAll('[data-row]'));
        }

        function renumber() {
            rows().forEach(function (row, i) {
                row.querySelectorAll('input[name]').forEach(function (input) {
                    var field = input.name.split('.').pop();
                    input.name = list + '[' + i + '].' + field;
                    input.id = list + '_' + i + '_' + field;
                    input.setAttribute('aria-label', input.getAttribute('data-label') + '（第' + (i + 1) + '行）');
                });
                row.querySelectorAll('[data-valmsg-for]').forEach(function (message) {
                    message.setAttribute('data-valmsg-for', message.getAttribute('data-valmsg-for').replace(/\[\d+\]/, '[' + i + ']'));
                });
            });
            add.disabled = max > 0 && rows().length >= max;
        }

        function sums() {
            var total = 0;
            box.querySelectorAll('output[data-sum]').forEach(function (output) {
                var field = output.getAttribute('data-sum');
                var sum = 0;
                body.querySelectorAll('input[data-sum-field="' + field + '"]').forEach(function (input) {
                    sum += amount(input.value);
                });
                output.textContent = format(sum);
                total += sum;
                if (field === 'Requested' && warning && !isNaN(cap)) {
                    warning.hidden = sum <= cap;
                }
            });
            var grand = box.querySelector('output[data-sum-total]');
            if (grand) {
                grand.textContent = format(total);
            }
        }

        add.hidden = false;
        box.querySelectorAll('[data-remove-row]').forEach(function (button) { button.hidden = false; });
        add.addEventListener('click', function () {
            var row = template.content.firstElementChild.cloneNode(true);
            body.appendChild(row);
            renumber();
            var first = row.querySelector('input');
            if (first) {
                first.focus();
            }
        });
        body.addEventListener('click', function (event) {
            var button = event.target.closest && event.target.closest('[data-remove-row]');
            if (!button) {
                return;
            }
            button.closest('[data-row]').remove();
            renumber();
            sums();
            add.focus();
        });
        body.addEventListener('input', sums);
        renumber();
        sums();
    });
}());
