// Type-ahead for organisation fields in the admin forms. The forms work without it: a field
// takes names separated by ";" or "；". With it, the name being typed is looked up in
// /admin/api/organisations and known organisations are offered through a <datalist>.
(() => {
    "use strict";
    for (const input of document.querySelectorAll("input[data-suggest]")) {
        const list = document.createElement("datalist");
        list.id = input.id + "-suggestions";
        input.after(list);
        input.setAttribute("list", list.id);
        const single = input.dataset.single === "true";
        let timer;
        let asked = "";
        input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(async () => {
                const value = input.value;
                const cut = single ? -1 : Math.max(value.lastIndexOf(";"), value.lastIndexOf("；"));
                const before = cut >= 0 ? value.slice(0, cut + 1) + " " : "";
                const term = value.slice(cut + 1).trim();
                if (term === asked) {
                    return;
                }
                asked = term;
                if (term.length === 0) {
                    list.replaceChildren();
                    return;
                }
                try {
                    const response = await fetch(input.dataset.suggest + "?q=" + encodeURIComponent(term),
                        { headers: { Accept: "application/json" }, credentials: "same-origin" });
                    if (!response.ok) {
                        return;
                    }
                    const found = await response.json();
                    list.replaceChildren(...found.map(o => {
                        const option = document.createElement("option");
                        option.value = before + o.name;
                        option.label = o.shortName ?? "";
                        return option;
                    }));
                } catch {
                    // Offline or signed out: the field still takes typed names.
                }
            }, 200);
        });
    }
})();

// The entry forms: Enter in the link field fills the form from the link; Enter in another field saves
// (without this script, Enter presses the first button of the form, "Fill from link", which fills only
// the fields left blank when the link has not changed).
(() => {
    "use strict";
    for (const fill of document.querySelectorAll("button[data-fill]")) {
        const form = fill.form;
        const link = form.querySelector("#Input_Link");
        const save = form.querySelector("button.primary");
        form.addEventListener("keydown", event => {
            const target = event.target;
            if (event.key !== "Enter" || event.isComposing || !(target instanceof HTMLInputElement) || target.type === "checkbox") {
                return;
            }
            event.preventDefault();
            (target === link ? fill : save)?.click();
        });
    }
})();
