'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const home = { OFFICER: '/officer.html', LEADER: '/leader.html' };
  if (home[LN.role()]) window.location.replace(home[LN.role()]);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const response = await fetch('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ username: form.username.value.trim(), password: form.password.value })
    }).catch(() => null);
    if (!response || !response.ok) { error.textContent = LN.t('login.failed'); return; }
    const answer = await response.json();
    sessionStorage.setItem('token', answer.access_token);
    const page = home[LN.role()];
    if (page) window.location.assign(page);
    else error.textContent = LN.lang() === 'en' ? 'This account has no page here yet.' : 'Tài khoản này chưa có trang ở đây.';
  });
});
