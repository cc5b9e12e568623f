// ES5 on purpose: runs before the bundles. Office 2016/2019 without WebView2 hosts add-ins in
// Internet Explorer 11 (Trident) or EdgeHTML, which cannot run the task pane; say so instead of a blank pane.
(function () {
  var ua = navigator.userAgent;
  if (ua.indexOf("Trident/") < 0 && ua.indexOf("Edge/") < 0) return;
  window.__SCORECHECK_LEGACY__ = true;
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("root");
    if (!root) return;
    root.innerHTML =
      '<div style="padding:16px;font-family:Segoe UI,Microsoft YaHei,sans-serif;line-height:1.6">' +
      "<p>此版本的 Office 使用旧版浏览器内核（Internet Explorer / 旧版 Edge），无法运行评分表核查任务窗格。请安装 Microsoft Edge WebView2 运行时，或升级到 Microsoft 365；也可以使用命令行工具 scorecheck 核查工作簿。</p>" +
      "<p>This version of Office hosts add-ins in a legacy browser engine (Internet Explorer or legacy Edge), which cannot run the ScoreCheck pane. Install the Microsoft Edge WebView2 Runtime or update to Microsoft 365, or check workbooks with the scorecheck command-line tool.</p>" +
      "</div>";
  });
})();
