// The session cookie is HttpOnly; the page keeps only the CSRF token, which it sends back as
// X-CSRF-Token on every change (and as ?csrf= on the event stream).
if (new URLSearchParams(location.search).has("ended")) {
  document.getElementById("message").textContent = "Sign in to see the notes and the sync dashboard.";
}
document.getElementById("signin").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const answer = await fetch("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userId: form.get("userId"), password: form.get("password") })
  });
  const body = await answer.json();
  if (body.success) {
    sessionStorage.setItem("smartsync.csrf", body.data.csrfToken);
    location.href = "/";
  } else {
    const message = document.getElementById("message");
    message.className = "error";
    message.textContent = body.error;
  }
});
