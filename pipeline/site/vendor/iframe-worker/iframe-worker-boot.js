// The set-up iframe-worker 1.0.4 wrote inline into the worker's iframe (see shim-csp.js): a
// worker's postMessage and importScripts, and its errors reported to the page.
"use strict";(()=>{var u=document.currentScript.dataset.worker;self.postMessage=function(s,n){parent.postMessage(s,n||"*")};self.importScripts=function(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{let t=document.createElement("script");t.src=e,t.onload=r,document.body.appendChild(t)})),Promise.resolve())};addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",{filename:u,error}))})})();
