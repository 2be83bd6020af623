{{/*
The chart name, cut to the 63 characters Kubernetes allows in a DNS label.
*/}}
{{- define "greenribbon.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name: release-chart, or the release name alone when it already contains the chart name; cut to 63.
*/}}
{{- define "greenribbon.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Names of the other objects, each kept within 63 characters.
*/}}
{{- define "greenribbon.agiName" -}}
{{- printf "%s-agi" (include "greenribbon.fullname" . | trunc 59 | trimSuffix "-") }}
{{- end }}
{{- define "greenribbon.keycloak.fullname" -}}
{{- printf "%s-keycloak" (include "greenribbon.fullname" . | trunc 54 | trimSuffix "-") }}
{{- end }}
{{- define "greenribbon.dbBootstrapName" -}}
{{- printf "%s-db-bootstrap" (include "greenribbon.fullname" . | trunc 50 | trimSuffix "-") }}
{{- end }}

{{/*
Chart name and version for the helm.sh/chart label.
*/}}
{{- define "greenribbon.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels every object of the release carries.
*/}}
{{- define "greenribbon.commonLabels" -}}
helm.sh/chart: {{ include "greenribbon.chart" . }}
app.kubernetes.io/name: {{ include "greenribbon.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: greenribbon
greenribbon.io/scope-level: {{ .Values.scope.level | quote }}
greenribbon.io/scope-division: {{ .Values.scope.division | quote }}
{{- end }}

{{/*
Labels of the greenribbon service objects, and the subset that selects its pods.
*/}}
{{- define "greenribbon.labels" -}}
{{ include "greenribbon.commonLabels" . }}
app.kubernetes.io/component: service
{{- end }}
{{- define "greenribbon.selectorLabels" -}}
app.kubernetes.io/name: {{ include "greenribbon.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: service
{{- end }}

{{/*
The service's Deployments: one per PBX of telephony.pbxs (a province; named <fullname>-<pbx id>), or one for
telephony.ami (named <fullname>). Each item: name, pbx (its pbx-id), province (one of several), and for a
province's PBX its amiHost, amiPort and city. Read with fromYamlArray.
*/}}
{{- define "greenribbon.pbxDeployments" -}}
{{- $full := include "greenribbon.fullname" . }}
{{- if .Values.telephony.pbxs }}
{{- $seen := dict }}
{{- range .Values.telephony.pbxs }}
{{- if hasKey $seen .id }}
{{- fail (printf "telephony.pbxs lists PBX %s twice: each PBX has one deployment" .id) }}
{{- end }}
{{- $_ := set $seen .id true }}
- name: {{ printf "%s-%s" ($full | trunc (int (sub 62 (len .id))) | trimSuffix "-") .id | quote }}
  pbx: {{ .id | quote }}
  province: true
  amiHost: {{ .ami.host | quote }}
  amiPort: {{ .ami.port | default $.Values.telephony.ami.port | quote }}
  city: {{ .city | quote }}
{{- end }}
{{- else }}
- name: {{ $full | quote }}
  pbx: {{ .Values.telephony.pbxId | quote }}
  province: false
{{- end }}
{{- end }}

{{/*
The labels that select the pods of one PBX's Deployment: the service's, and in a province the PBX's too (so
the Deployments of one release never share pods; the Services still select them all). Call with
(dict "ctx" $ "d" <an item of greenribbon.pbxDeployments>).
*/}}
{{- define "greenribbon.deploymentSelectorLabels" -}}
{{ include "greenribbon.selectorLabels" .ctx }}
{{- if .d.province }}
greenribbon.io/pbx: {{ .d.pbx | quote }}
{{- end }}
{{- end }}

{{/*
Labels of the Keycloak objects, and the subset that selects its pods.
*/}}
{{- define "greenribbon.keycloak.labels" -}}
{{ include "greenribbon.commonLabels" . }}
app.kubernetes.io/component: keycloak
{{- end }}
{{- define "greenribbon.keycloak.selectorLabels" -}}
app.kubernetes.io/name: {{ include "greenribbon.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: keycloak
{{- end }}

{{/*
The ServiceAccount the service pods run as.
*/}}
{{- define "greenribbon.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "greenribbon.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The service image: registry/repository, then @digest or :tag.
*/}}
{{- define "greenribbon.image" -}}
{{- $repo := .Values.image.repository }}
{{- if .Values.image.registry }}
{{- $repo = printf "%s/%s" .Values.image.registry .Values.image.repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repo .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repo (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
The Secret holding every password and key: the operator's existing Secret, or the one the chart makes.
*/}}
{{- define "greenribbon.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- include "greenribbon.fullname" . }}
{{- end }}
{{- end }}

{{/*
An env entry whose value comes from the Secret. Call with (dict "ctx" $ "env" "NAME" "key" "logicalKey").
*/}}
{{- define "greenribbon.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "greenribbon.secretName" .ctx }}
      key: {{ index .ctx.Values.secrets.keys .key | quote }}
{{- end }}

{{/*
Database connection URLs (no credentials in them).
*/}}
{{- define "greenribbon.dbAddress" -}}
{{- printf "%s:%v/%s" (required "database.host is required: the PostgreSQL server's host name" .Values.database.host) .Values.database.port .Values.database.name }}
{{- end }}
{{- define "greenribbon.jdbcUrl" -}}
{{- $params := list }}
{{- if .Values.database.tls.enabled }}
{{- $params = append $params (printf "sslmode=verify-full&sslrootcert=%s" (include "greenribbon.dbCaPath" .)) }}
{{- end }}
{{- with .Values.database.urlParameters }}
{{- $params = append $params . }}
{{- end }}
{{- printf "jdbc:postgresql://%s" (include "greenribbon.dbAddress" .) }}
{{- with $params }}?{{ join "&" . }}{{ end }}
{{- end }}
{{- define "greenribbon.reactiveUrl" -}}
{{- printf "postgresql://%s" (include "greenribbon.dbAddress" .) }}
{{- with .Values.database.urlParameters }}?{{ . }}{{ end }}
{{- end }}
{{- define "greenribbon.dbCaPath" -}}
/etc/greenribbon/db-tls/{{ .Values.database.tls.caKey }}
{{- end }}
{{- define "greenribbon.dbCaVolume" -}}
- name: db-tls
  configMap:
    name: {{ required "database.tls.caConfigMap is required with database.tls.enabled" .Values.database.tls.caConfigMap }}
{{- end }}
{{- define "greenribbon.dbCaMount" -}}
- name: db-tls
  mountPath: /etc/greenribbon/db-tls
  readOnly: true
{{- end }}

{{/*
The realm URL the service validates tokens against: oidc.url, or the in-cluster Keycloak. Keycloak's
backchannel is dynamic, so discovery through the in-cluster URL still names the public issuer.
*/}}
{{- define "greenribbon.oidcUrl" -}}
{{- if .Values.oidc.url }}
{{- .Values.oidc.url }}
{{- else if .Values.keycloak.enabled }}
{{- printf "http://%s.%s.svc:8080/realms/greenribbon" (include "greenribbon.keycloak.fullname" .) .Release.Namespace }}
{{- else }}
{{- fail "oidc.url is required when keycloak.enabled is false: the URL of the greenribbon realm, e.g. https://auth.example.org/realms/greenribbon" }}
{{- end }}
{{- end }}

{{/*
The Keycloak database host: its own, or the service's PostgreSQL server.
*/}}
{{- define "greenribbon.keycloak.dbHost" -}}
{{- default .Values.database.host .Values.keycloak.database.host }}
{{- end }}

{{/*
Asterisk sources admitted by the FastAGI load balancer.
*/}}
{{- define "greenribbon.agiSourceRanges" -}}
{{- if .Values.agi.service.loadBalancerSourceRanges }}
{{- toYaml .Values.agi.service.loadBalancerSourceRanges }}
{{- else if .Values.telephony.asteriskCidrs }}
{{- toYaml .Values.telephony.asteriskCidrs }}
{{- end }}
{{- end }}

{{/*
Pod anti-affinity of the service from podAntiAffinityPreset, among the pods of one Deployment. Call with
(dict "ctx" $ "selector" <its selector labels>).
*/}}
{{- define "greenribbon.affinity" -}}
{{- if .ctx.Values.affinity }}
{{- toYaml .ctx.Values.affinity }}
{{- else if eq .ctx.Values.podAntiAffinityPreset "hard" }}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- .selector | nindent 10 }}
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: topology.kubernetes.io/zone
        labelSelector:
          matchLabels:
            {{- .selector | nindent 12 }}
{{- else if eq .ctx.Values.podAntiAffinityPreset "soft" }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- .selector | nindent 12 }}
    - weight: 50
      podAffinityTerm:
        topologyKey: topology.kubernetes.io/zone
        labelSelector:
          matchLabels:
            {{- .selector | nindent 12 }}
{{- end }}
{{- end }}
