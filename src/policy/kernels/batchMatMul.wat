;; A batched matrix product for the wasm backend, in WebAssembly SIMD:
;;
;;   C[b] = A[b] · B[b]   for b < batch,   A [batch, m, k], B [batch, k, n], C [batch, m, n]
;;
;; all float32, row-major, at byte offsets into the backend's own memory (imported, so nothing is copied).
;; It writes each output row 16 columns at a time from four 4-lane accumulators, then 4 at a time, then one
;; by one (wasmBatchMatMul.ts says what it replaces and why).
;;
;; Each output element is the sum over k in order, a multiply then an add per term (no fused multiply-add):
;; for a batched product, the same value as TF.js's scalar loop wherever that loop sums all of k in one
;; block (k ≤ 48), and otherwise a different but equivalent order of the same float sums.
;;
;; Assembled by `npm run build:kernels` into batchMatMulBinary.ts.
(module
  (import "env" "memory" (memory 1))

  (func (export "batchMatMul")
    (param $a i32) (param $b i32) (param $c i32)
    (param $batch i32) (param $m i32) (param $k i32) (param $n i32)
    (local $item i32) (local $row i32) (local $col i32) (local $t i32)
    (local $aItem i32) (local $bItem i32) (local $cItem i32)
    (local $aRow i32) (local $cRow i32) (local $aAt i32) (local $bAt i32) (local $bRowBytes i32)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128) (local $lhs v128)
    (local $sum f32)
    (local.set $bRowBytes (i32.shl (local.get $n) (i32.const 2)))
    (local.set $aItem (local.get $a))
    (local.set $bItem (local.get $b))
    (local.set $cItem (local.get $c))

    (block $itemsDone (loop $items
      (br_if $itemsDone (i32.ge_u (local.get $item) (local.get $batch)))
      (local.set $aRow (local.get $aItem))
      (local.set $cRow (local.get $cItem))
      (local.set $row (i32.const 0))

      (block $rowsDone (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $m)))
        (local.set $col (i32.const 0))

        ;; Columns col … col+15: C[row, col:col+16] = Σ_t A[row, t] · B[t, col:col+16].
        (block $by16Done (loop $by16
          (br_if $by16Done (i32.gt_u (i32.add (local.get $col) (i32.const 16)) (local.get $n)))
          (local.set $acc0 (v128.const i32x4 0 0 0 0))
          (local.set $acc1 (v128.const i32x4 0 0 0 0))
          (local.set $acc2 (v128.const i32x4 0 0 0 0))
          (local.set $acc3 (v128.const i32x4 0 0 0 0))
          (local.set $aAt (local.get $aRow))
          (local.set $bAt (i32.add (local.get $bItem) (i32.shl (local.get $col) (i32.const 2))))
          (local.set $t (i32.const 0))
          (block $termsDone (loop $terms
            (br_if $termsDone (i32.ge_u (local.get $t) (local.get $k)))
            (local.set $lhs (f32x4.splat (f32.load (local.get $aAt))))
            (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (local.get $lhs) (v128.load (local.get $bAt)))))
            (local.set $acc1 (f32x4.add (local.get $acc1) (f32x4.mul (local.get $lhs) (v128.load offset=16 (local.get $bAt)))))
            (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (local.get $lhs) (v128.load offset=32 (local.get $bAt)))))
            (local.set $acc3 (f32x4.add (local.get $acc3) (f32x4.mul (local.get $lhs) (v128.load offset=48 (local.get $bAt)))))
            (local.set $aAt (i32.add (local.get $aAt) (i32.const 4)))
            (local.set $bAt (i32.add (local.get $bAt) (local.get $bRowBytes)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $terms)))
          (local.set $bAt (i32.add (local.get $cRow) (i32.shl (local.get $col) (i32.const 2))))
          (v128.store (local.get $bAt) (local.get $acc0))
          (v128.store offset=16 (local.get $bAt) (local.get $acc1))
          (v128.store offset=32 (local.get $bAt) (local.get $acc2))
          (v128.store offset=48 (local.get $bAt) (local.get $acc3))
          (local.set $col (i32.add (local.get $col) (i32.const 16)))
          (br $by16)))

        ;; Then 4 columns at a time.
        (block $by4Done (loop $by4
          (br_if $by4Done (i32.gt_u (i32.add (local.get $col) (i32.const 4)) (local.get $n)))
          (local.set $acc0 (v128.const i32x4 0 0 0 0))
          (local.set $aAt (local.get $aRow))
          (local.set $bAt (i32.add (local.get $bItem) (i32.shl (local.get $col) (i32.const 2))))
          (local.set $t (i32.const 0))
          (block $termsDone (loop $terms
            (br_if $termsDone (i32.ge_u (local.get $t) (local.get $k)))
            (local.set $acc0 (f32x4.add (local.get $acc0)
              (f32x4.mul (f32x4.splat (f32.load (local.get $aAt))) (v128.load (local.get $bAt)))))
            (local.set $aAt (i32.add (local.get $aAt) (i32.const 4)))
            (local.set $bAt (i32.add (local.get $bAt) (local.get $bRowBytes)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $terms)))
          (v128.store (i32.add (local.get $cRow) (i32.shl (local.get $col) (i32.const 2))) (local.get $acc0))
          (local.set $col (i32.add (local.get $col) (i32.const 4)))
          (br $by4)))

        ;; Then the last columns one by one.
        (block $by1Done (loop $by1
          (br_if $by1Done (i32.ge_u (local.get $col) (local.get $n)))
          (local.set $sum (f32.const 0))
          (local.set $aAt (local.get $aRow))
          (local.set $bAt (i32.add (local.get $bItem) (i32.shl (local.get $col) (i32.const 2))))
          (local.set $t (i32.const 0))
          (block $termsDone (loop $terms
            (br_if $termsDone (i32.ge_u (local.get $t) (local.get $k)))
            (local.set $sum (f32.add (local.get $sum) (f32.mul (f32.load (local.get $aAt)) (f32.load (local.get $bAt)))))
            (local.set $aAt (i32.add (local.get $aAt) (i32.const 4)))
            (local.set $bAt (i32.add (local.get $bAt) (local.get $bRowBytes)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $terms)))
          (f32.store (i32.add (local.get $cRow) (i32.shl (local.get $col) (i32.const 2))) (local.get $sum))
          (local.set $col (i32.add (local.get $col) (i32.const 1)))
          (br $by1)))

        (local.set $aRow (i32.add (local.get $aRow) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $cRow (i32.add (local.get $cRow) (local.get $bRowBytes)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rows)))

      (local.set $aItem (i32.add (local.get $aItem) (i32.shl (i32.mul (local.get $m) (local.get $k)) (i32.const 2))))
      (local.set $bItem (i32.add (local.get $bItem) (i32.mul (local.get $k) (local.get $bRowBytes))))
      (local.set $cItem (i32.add (local.get $cItem) (i32.mul (local.get $m) (local.get $bRowBytes))))
      (local.set $item (i32.add (local.get $item) (i32.const 1)))
      (br $items)))))
