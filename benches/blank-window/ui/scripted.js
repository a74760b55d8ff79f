// The least a page with an app behind it does before its first screen: one module run, one
// command asked and answered, one line of text drawn from the answer.
const line = document.createElement('p');
line.id = 'ready';
line.textContent = await window.__TAURI_INTERNALS__.invoke('greeting');
document.body.append(line);
