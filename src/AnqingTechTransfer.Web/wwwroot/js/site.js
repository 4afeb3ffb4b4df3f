// ---- Forms that help (issue 25 §5) ----------------------------------------------------------------------------------
// The portal checks a form itself instead of the browser's bubbles: every field in error is marked next to itself, the
// error summary at the top (Features/Shared/_ErrorSummary.cshtml) lists every error with a link to its field and takes
// the focus. Only a valid form is confirmed (data-confirm) and sent. A button with formnovalidate (保存草稿) skips the check.
(function () {
    'use strict';

    // A label's name without its hints: "成交额（万元）" → "成交额", "合同文本 （必传）" → "合同文本".
    function labelOf(field) {
        var label = field.id ? document.querySelector('label[for="' + field.id + '"]') : null;
        if (!label) {
            label = field.closest('label');
        }
        if (!label) {
            return field.getAttribute('aria-label') || field.name || '';
        }
        var copy = label.cloneNode(true);
        copy.querySelectorAll('.text-muted, .required-mark, .form-text').forEach(function (hint) { hint.remove(); });
        return copy.textContent.replace(/\s+/g, '').replace(/（[^（）]*）$/, '').replace(/\([^()]*\)$/, '').replace(/[:：*]$/, '');
    }

    function chinese(text) {
        return text && !/[A-Za-z]{3}/.test(text) ? text : null;
    }

    // The same words as the server's messages: 请填写 / 请选择 and the field's label.
    function messageOf(field) {
        var name = labelOf(field);
        var v = field.validity;
        if (v.valueMissing) {
            return chinese(field.getAttribute('data-msg-required')) || chinese(field.getAttribute('data-val-required')) ||
                ((field.tagName === 'SELECT' || field.type === 'file' || field.type === 'checkbox' || field.type === 'radio' ? '请选择' : '请填写') + name);
        }
        if (v.rangeUnderflow) { return name + '不能小于' + field.min; }
        if (v.rangeOverflow) { return name + '不能大于' + field.max; }
        if (v.stepMismatch) { return name + '的小数位数过多'; }
        if (v.tooLong) { return name + '不能超过' + field.maxLength + '个字'; }
        if (v.badInput || v.typeMismatch || v.patternMismatch) { return name + '的格式不正确'; }
        return name + '填写的内容无效';
    }

    function messageHolder(form, field) {
        var holder = form.querySelector('[data-valmsg-for="' + CSS.escape(field.name) + '"]');
        if (!holder) {
            holder = document.createElement('div');
            holder.className = 'text-danger small client-field-error';
            holder.setAttribute('data-valmsg-for', field.name);
            (field.closest('.form-check') || field).insertAdjacentElement('afterend', holder);
        }
        if (!holder.id) {
            holder.id = (field.id || field.name).replace(/[^\w-]/g, '_') + '-error';
        }
        return holder;
    }

    function markField(form, field, message) {
        var holder = messageHolder(form, field);
        holder.textContent = message;
        holder.classList.add('field-validation-error');
        holder.classList.remove('field-validation-valid');
        field.classList.add('is-invalid');
        field.setAttribute('aria-invalid', 'true');
        var described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        if (described.indexOf(holder.id) < 0) {
            described.push(holder.id);
            field.setAttribute('aria-describedby', described.join(' '));
        }
    }

    function clearMarks(form) {
        form.querySelectorAll('.is-invalid').forEach(function (field) {
            field.classList.remove('is-invalid');
            field.removeAttribute('aria-invalid');
        });
        form.querySelectorAll('[data-valmsg-for]').forEach(function (holder) {
            holder.textContent = '';
            holder.classList.remove('field-validation-error');
        });
    }

    function summaryFor(form) {
        var summary = form.querySelector('[data-error-summary]') || document.querySelector('[data-error-summary]');
        if (!summary) {
            summary = document.createElement('div');
            summary.className = 'alert alert-danger error-summary';
            summary.id = 'error-summary';
            summary.setAttribute('tabindex', '-1');
            summary.setAttribute('data-error-summary', '');
            summary.setAttribute('aria-labelledby', 'error-summary-title');
            summary.innerHTML = '<h2 class="h6 mb-2" id="error-summary-title"></h2><ul class="mb-0"></ul>';
            form.insertBefore(summary, form.firstChild);
        }
        return summary;
    }

    function showSummary(summary, items) {
        var list = summary.querySelector('ul');
        list.textContent = '';
        items.forEach(function (item) {
            var li = document.createElement('li');
            if (item.id) {
                var a = document.createElement('a');
                a.href = '#' + item.id;
                a.textContent = item.message;
                li.appendChild(a);
            } else {
                li.textContent = item.message;
            }
            list.appendChild(li);
        });
        summary.querySelector('h2').textContent = '请修改以下 ' + items.length + ' 处问题后再提交：';
        summary.classList.add('alert', 'alert-danger');
        summary.hidden = false;
        summary.focus();
        summary.scrollIntoView({ block: 'start' });
    }

    // Checks the form; marks and lists what is wrong. True when the form may go on.
    function check(form) {
        clearMarks(form);
        var invalid = Array.prototype.filter.call(form.elements, function (field) {
            return field.willValidate && !field.validity.valid;
        });
        if (invalid.length === 0) {
            return true;
        }
        var items = invalid.map(function (field) {
            var message = messageOf(field);
            markField(form, field, message);
            return { id: field.id, message: message };
        });
        showSummary(summaryFor(form), items);
        return false;
    }

    document.querySelectorAll('form').forEach(function (form) {
        form.noValidate = true;
    });
    // A field the model requires ([Required], data-val-required) is required in the browser too (not check boxes: a
    // bool is always "present").
    document.querySelectorAll('input[data-val-required]:not([type=checkbox]):not([type=radio]):not([type=hidden]), select[data-val-required], textarea[data-val-required]')
        .forEach(function (field) { field.required = true; });

    document.addEventListener('submit', function (event) {
        // A form another validator has already stopped is not confirmed: the user corrects it first.
        if (event.defaultPrevented) {
            return;
        }
        var form = event.target;
        var submitter = event.submitter;
        var skipCheck = (submitter && submitter.formNoValidate) || form.hasAttribute('data-no-check');
        if (!skipCheck && !check(form)) {
            event.preventDefault();
            return;
        }
        var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
            return;
        }
        // One click, one submission: the button is disabled while the page posts.
        if (submitter) {
            window.setTimeout(function () { submitter.disabled = true; }, 0);
        }
    });

    // The server's errors: each field next to its message is marked, the summary (in the page's order) takes the focus.
    document.querySelectorAll('.field-validation-error[data-valmsg-for]').forEach(function (holder) {
        var form = holder.closest('form') || document;
        var field = form.querySelector('[name="' + CSS.escape(holder.getAttribute('data-valmsg-for')) + '"]:not([type=hidden])');
        if (field && holder.textContent.trim()) {
            markField(form.tagName === 'FORM' ? form : document, field, holder.textContent.trim());
        }
    });
    var summary = document.querySelector('[data-error-summary]:not([hidden])');
    if (!summary) {
        // A page without the shared summary still gets one when fields carry errors.
        var first = document.querySelector('form .field-validation-error[data-valmsg-for]');
        if (first && first.textContent.trim()) {
            var owner = first.closest('form');
            var items = Array.prototype.map.call(owner.querySelectorAll('.field-validation-error[data-valmsg-for]'), function (holder) {
                var field = owner.querySelector('[name="' + CSS.escape(holder.getAttribute('data-valmsg-for')) + '"]');
                return { id: field && field.id, message: holder.textContent.trim() };
            }).filter(function (item) { return item.message; });
            showSummary(summaryFor(owner), items);
        }
    } else {
        var list = summary.querySelector('ul');
        var entries = Array.prototype.slice.call(list.children);
        // The page's order: an error of the form first, then the fields from top to bottom.
        entries.sort(function (a, b) {
            var ta = a.querySelector('a') && document.getElementById(a.querySelector('a').hash.slice(1));
            var tb = b.querySelector('a') && document.getElementById(b.querySelector('a').hash.slice(1));
            if (!ta || !tb) { return (ta ? 1 : 0) - (tb ? 1 : 0); }
            return ta.compareDocumentPosition(tb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
        });
        entries.forEach(function (entry) { list.appendChild(entry); });
        summary.focus();
    }

    // A link of the summary puts the cursor into its field.
    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('[data-error-summary] a[href^="#"]');
        var field = link && document.getElementById(link.hash.slice(1));
        if (field) {
            event.preventDefault();
            // A group (a fieldset of radio buttons) gives the focus to its first choice.
            var focusable = field.matches('input, select, textarea, button') ? field : field.querySelector('input, select, textarea') || field;
            focusable.scrollIntoView({ block: 'center' });
            focusable.focus();
        }
    });
}());

// Print buttons: <button data-print> (no inline script under the CSP).
document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
        window.print();
    }
});

// A table wider than the screen scrolls sideways: keyboard users must be able to reach and scroll it too.
document.querySelectorAll('.table-responsive').forEach(function (region) {
    if (region.scrollWidth > region.clientWidth && !region.hasAttribute('tabindex')) {
        region.setAttribute('tabindex', '0');
        region.setAttribute('role', 'region');
        region.setAttribute('aria-label', '表格（可左右滑动查看）');
    }
});

// Phones (issue 25 §6): the folded filters (<details class="filter-fold">) open by themselves on a wide screen; on a phone they
// stay behind their 筛选 button. Without script they work as any <details>.
if (window.matchMedia && window.matchMedia('(min-width: 768px)').matches) {
    document.querySelectorAll('details.filter-fold').forEach(function (fold) { fold.open = true; });
}
