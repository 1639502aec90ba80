package wootest

// adminPages are the practice WP-Admin pages (DemoAdmin). They keep WooCommerce's
// wording and field order, because people learn where to click here.
const adminPages = `
{{define "admin-head"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head><meta charset="UTF-8" /><title>{{.Title}} &lsaquo; {{.Name}} &#8212; WordPress</title></head>
<body class="wp-admin woocommerce_page_wc-settings">
<p class="practice-notice">Practice store: these pages work without logging in.</p>
<div class="wrap woocommerce">
{{- if .Notice}}<div class="updated inline"><p>{{.Notice}}</p></div>{{end}}
{{- if .Error}}<div class="error inline"><p>{{.Error}}</p></div>{{end}}
{{end}}
{{define "admin-foot"}}</div>
</body>
</html>
{{end}}
{{define "dashboard"}}{{template "admin-head" .}}<h1>Dashboard</h1>
<ul><li><a href="{{.KeysURL}}">WooCommerce &rsaquo; Settings &rsaquo; Advanced &rsaquo; REST API</a></li>
<li><a href="{{.PermalinksURL}}">Settings &rsaquo; Permalinks</a></li></ul>
{{template "admin-foot" .}}{{end}}
{{define "keys"}}{{template "admin-head" .}}<h2>REST API <a href="{{.AddURL}}" class="add-new-h2">Add key</a></h2>
<table class="wp-list-table widefat fixed striped table-view-list keys">
<thead><tr><th>Description</th><th>Consumer key ending in</th><th>User</th><th>Permissions</th><th>Last access</th></tr></thead>
<tbody>
{{- range .Keys}}
<tr><td><strong><a href="{{.EditURL}}">{{.Description}}</a></strong> <span class="row-actions"><a href="{{.EditURL}}">View/Edit</a></span></td>
<td><code>&hellip;{{.Ending}}</code></td><td>{{.User}}</td><td>{{.Permissions}}</td><td>{{.LastAccess}}</td></tr>
{{- else}}
<tr class="no-items"><td colspan="5">No keys found.</td></tr>
{{- end}}
</tbody></table>
{{template "admin-foot" .}}{{end}}
{{define "key-form"}}{{template "admin-head" .}}<h2>Key details</h2>
<form method="post" action="{{.FormURL}}" id="key-form">
<table class="form-table"><tbody>
<tr><th><label for="key_description">Description</label></th>
<td><input id="key_description" name="description" type="text" value="{{.Key.Description}}" /></td></tr>
<tr><th><label for="key_user">User</label></th>
<td><select id="key_user" name="user">{{range .Users}}<option value="{{.Login}}"{{if .Selected}} selected="selected"{{end}}>{{.Label}}</option>{{end}}</select></td></tr>
<tr><th><label for="key_permissions">Permissions</label></th>
<td><select id="key_permissions" name="permissions">{{range .Permissions}}<option value="{{.Value}}"{{if .Selected}} selected="selected"{{end}}>{{.Label}}</option>{{end}}</select></td></tr>
{{- if .Key.ID}}
<tr><th>Consumer key ending in</th><td><code>&hellip;{{.Key.Ending}}</code></td></tr>
<tr><th>Last access</th><td>{{.LastAccess}}</td></tr>
{{- end}}
</tbody></table>
{{- if .Key.ID}}
<p class="submit"><button type="submit" name="action" value="update" class="button button-primary" id="update_api_key">Save changes</button>
<button type="submit" name="action" value="revoke" class="button submitdelete" id="revoke_api_key">Revoke key</button></p>
{{- else}}
<p class="submit"><button type="submit" name="action" value="create" class="button button-primary" id="update_api_key">Generate API key</button></p>
{{- end}}
</form>
{{template "admin-foot" .}}{{end}}
{{define "key-created"}}{{template "admin-head" .}}<h2>Key details</h2>
<table class="form-table"><tbody>
<tr><th>Description</th><td>{{.Key.Description}}</td></tr>
<tr><th><label for="key_consumer_key">Consumer key</label></th>
<td><input id="key_consumer_key" type="text" value="{{.Key.ConsumerKey}}" size="55" readonly="readonly" /></td></tr>
<tr><th><label for="key_consumer_secret">Consumer secret</label></th>
<td><input id="key_consumer_secret" type="text" value="{{.Key.ConsumerSecret}}" size="55" readonly="readonly" /></td></tr>
<tr><th>QRCode</th><td><div id="keys-qrcode" data-text="{{.QRText}}"><code>{{.QRText}}</code></div></td></tr>
</tbody></table>
<p><a href="{{.KeysURL}}">Back to REST API keys</a></p>
{{template "admin-foot" .}}{{end}}
{{define "permalinks"}}{{template "admin-head" .}}<h1>Permalink Settings</h1>
<form method="post" action="{{.FormURL}}">
<fieldset><legend>Common Settings</legend>
<p><label><input name="selection" type="radio" value="plain"{{if .Plain}} checked="checked"{{end}} /> Plain</label></p>
<p><label><input name="selection" type="radio" value="postname"{{if not .Plain}} checked="checked"{{end}} /> Post name</label></p>
</fieldset>
<p class="submit"><input type="submit" name="submit" id="submit" class="button button-primary" value="Save Changes" /></p>
</form>
{{template "admin-foot" .}}{{end}}`
