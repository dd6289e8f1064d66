// Material reads the search query on keyup only. Text that arrives without a key press
// (IME commit on some mobile keyboards, paste from the context menu, voice input) would
// not be searched until the next key. Forward every input event as a keyup.
document.addEventListener("input", (event) => {
  const el = event.target;
  if (el instanceof HTMLInputElement && el.classList.contains("md-search__input")) {
    el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
}, true);
