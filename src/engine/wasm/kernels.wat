;; The engine's float32 kernels in WebAssembly with 128-bit SIMD (four float32 lanes).
;;
;; Hand-written; `npm run wasm` assembles this file into kernelsBinary.ts, and a unit test checks that the
;; committed binary matches it. Every pointer is a byte offset into the exported memory; every count and
;; stride is in elements. All arrays are row-major. Sums run in float32 in a fixed order for each shape,
;; so a run gives the same bits wherever it runs (WebAssembly's float32 arithmetic is IEEE-754 exact;
;; there is no fused multiply-add here).
(module
  (memory (export "memory") 1)

  ;; out[m, j] = init[j] + Σ_k A[m·sAm + k·sAk] · B[k·N + j] for m < M, j < N; init is 0 unless hasInit.
  ;; The dense layer's three products are all this shape:
  ;;   forward    y  = x·W + b    A = x [M=rows, K=nIn] (sAm = nIn, sAk = 1),  B = W      [nIn, nOut]
  ;;   ∂W         ∂W = xᵀ·∂y      A = xᵀ [M=nIn, K=rows] (sAm = 1, sAk = nIn), B = ∂y     [rows, nOut]
  ;;   ∂x         ∂x = ∂y·Wᵀ      A = ∂y [M=rows, K=nOut] (sAm = nOut, sAk = 1), B = Wᵀ   [nOut, nIn]
  (func (export "gemm")
    (param $A i32) (param $sAm i32) (param $sAk i32) (param $B i32) (param $init i32) (param $hasInit i32)
    (param $out i32) (param $M i32) (param $K i32) (param $N i32)
    (local $m i32)
    (block $done4
      (loop $next4
        (br_if $done4 (i32.gt_u (i32.add (local.get $m) (i32.const 4)) (local.get $M)))
        (call $rows4
          (i32.add (local.get $A) (i32.shl (i32.mul (local.get $m) (local.get $sAm)) (i32.const 2)))
          (local.get $sAm) (local.get $sAk) (local.get $B) (local.get $init) (local.get $hasInit)
          (i32.add (local.get $out) (i32.shl (i32.mul (local.get $m) (local.get $N)) (i32.const 2)))
          (local.get $K) (local.get $N))
        (local.set $m (i32.add (local.get $m) (i32.const 4)))
        (br $next4)))
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $m) (local.get $M)))
        (call $rows1
          (i32.add (local.get $A) (i32.shl (i32.mul (local.get $m) (local.get $sAm)) (i32.const 2)))
          (local.get $sAk) (local.get $B) (local.get $init) (local.get $hasInit)
          (i32.add (local.get $out) (i32.shl (i32.mul (local.get $m) (local.get $N)) (i32.const 2)))
          (local.get $K) (local.get $N))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $next1))))

  ;; Four rows of gemm's output, starting at A row pointer $a and output row pointer $o: blocks of 4 rows ×
  ;; 8 columns keep 8 vector sums in registers (each B load serves four rows), then 4 columns, then 1.
  (func $rows4
    (param $a i32) (param $sAm i32) (param $sAk i32) (param $B i32) (param $init i32) (param $hasInit i32)
    (param $o i32) (param $K i32) (param $N i32)
    (local $j i32) (local $k i32) (local $pa i32) (local $pb i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $stepA i32) (local $stepB i32) (local $oN i32)
    (local $a0 v128) (local $a1 v128) (local $c0 v128) (local $c1 v128)
    (local $d0 v128) (local $d1 v128) (local $e0 v128) (local $e1 v128)
    (local $w0 v128) (local $w1 v128) (local $u v128)
    (local $fa f32) (local $fc f32) (local $fd f32) (local $fe f32) (local $fw f32)
    (local.set $s1 (i32.shl (local.get $sAm) (i32.const 2)))
    (local.set $s2 (i32.shl (local.get $sAm) (i32.const 3)))
    (local.set $s3 (i32.mul (local.get $sAm) (i32.const 12)))
    (local.set $stepA (i32.shl (local.get $sAk) (i32.const 2)))
    (local.set $stepB (i32.shl (local.get $N) (i32.const 2)))
    (local.set $oN (local.get $stepB))
    ;; 8 columns at a time.
    (block $done8
      (loop $next8
        (br_if $done8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $N)))
        (if (local.get $hasInit)
          (then
            (local.set $a0 (v128.load (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $a1 (v128.load offset=16 (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
          (else
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))))
        (local.set $c0 (local.get $a0)) (local.set $c1 (local.get $a1))
        (local.set $d0 (local.get $a0)) (local.set $d1 (local.get $a1))
        (local.set $e0 (local.get $a0)) (local.set $e1 (local.get $a1))
        (local.set $pa (local.get $a))
        (local.set $pb (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (local.get $K))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.eqz (local.get $k)))
            (local.set $w0 (v128.load (local.get $pb)))
            (local.set $w1 (v128.load offset=16 (local.get $pb)))
            (local.set $u (f32x4.splat (f32.load (local.get $pa))))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $u) (local.get $w0))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $u) (local.get $w1))))
            (local.set $u (f32x4.splat (f32.load (i32.add (local.get $pa) (local.get $s1)))))
            (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $u) (local.get $w0))))
            (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $u) (local.get $w1))))
            (local.set $u (f32x4.splat (f32.load (i32.add (local.get $pa) (local.get $s2)))))
            (local.set $d0 (f32x4.add (local.get $d0) (f32x4.mul (local.get $u) (local.get $w0))))
            (local.set $d1 (f32x4.add (local.get $d1) (f32x4.mul (local.get $u) (local.get $w1))))
            (local.set $u (f32x4.splat (f32.load (i32.add (local.get $pa) (local.get $s3)))))
            (local.set $e0 (f32x4.add (local.get $e0) (f32x4.mul (local.get $u) (local.get $w0))))
            (local.set $e1 (f32x4.add (local.get $e1) (f32x4.mul (local.get $u) (local.get $w1))))
            (local.set $pa (i32.add (local.get $pa) (local.get $stepA)))
            (local.set $pb (i32.add (local.get $pb) (local.get $stepB)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $nextK)))
        (local.set $pb (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store (local.get $pb) (local.get $a0))
        (v128.store offset=16 (local.get $pb) (local.get $a1))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (v128.store (local.get $pb) (local.get $c0))
        (v128.store offset=16 (local.get $pb) (local.get $c1))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (v128.store (local.get $pb) (local.get $d0))
        (v128.store offset=16 (local.get $pb) (local.get $d1))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (v128.store (local.get $pb) (local.get $e0))
        (v128.store offset=16 (local.get $pb) (local.get $e1))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $next8)))
    ;; 4 columns at a time.
    (block $done4
      (loop $next4
        (br_if $done4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
        (if (local.get $hasInit)
          (then (local.set $a0 (v128.load (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
          (else (local.set $a0 (v128.const i32x4 0 0 0 0))))
        (local.set $c0 (local.get $a0))
        (local.set $d0 (local.get $a0))
        (local.set $e0 (local.get $a0))
        (local.set $pa (local.get $a))
        (local.set $pb (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (local.get $K))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.eqz (local.get $k)))
            (local.set $w0 (v128.load (local.get $pb)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (f32x4.splat (f32.load (local.get $pa))) (local.get $w0))))
            (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (f32x4.splat (f32.load (i32.add (local.get $pa) (local.get $s1)))) (local.get $w0))))
            (local.set $d0 (f32x4.add (local.get $d0) (f32x4.mul (f32x4.splat (f32.load (i32.add (local.get $pa) (local.get $s2)))) (local.get $w0))))
            (local.set $e0 (f32x4.add (local.get $e0) (f32x4.mul (f32x4.splat (f32.load (i32.add (local.get $pa) (local.get $s3)))) (local.get $w0))))
            (local.set $pa (i32.add (local.get $pa) (local.get $stepA)))
            (local.set $pb (i32.add (local.get $pb) (local.get $stepB)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $nextK)))
        (local.set $pb (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store (local.get $pb) (local.get $a0))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (v128.store (local.get $pb) (local.get $c0))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (v128.store (local.get $pb) (local.get $d0))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (v128.store (local.get $pb) (local.get $e0))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next4)))
    ;; The last columns one at a time.
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $j) (local.get $N)))
        (local.set $fa (f32.const 0))
        (if (local.get $hasInit)
          (then (local.set $fa (f32.load (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2)))))))
        (local.set $fc (local.get $fa))
        (local.set $fd (local.get $fa))
        (local.set $fe (local.get $fa))
        (local.set $pa (local.get $a))
        (local.set $pb (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (local.get $K))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.eqz (local.get $k)))
            (local.set $fw (f32.load (local.get $pb)))
            (local.set $fa (f32.add (local.get $fa) (f32.mul (f32.load (local.get $pa)) (local.get $fw))))
            (local.set $fc (f32.add (local.get $fc) (f32.mul (f32.load (i32.add (local.get $pa) (local.get $s1))) (local.get $fw))))
            (local.set $fd (f32.add (local.get $fd) (f32.mul (f32.load (i32.add (local.get $pa) (local.get $s2))) (local.get $fw))))
            (local.set $fe (f32.add (local.get $fe) (f32.mul (f32.load (i32.add (local.get $pa) (local.get $s3))) (local.get $fw))))
            (local.set $pa (i32.add (local.get $pa) (local.get $stepA)))
            (local.set $pb (i32.add (local.get $pb) (local.get $stepB)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $nextK)))
        (local.set $pb (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))))
        (f32.store (local.get $pb) (local.get $fa))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (f32.store (local.get $pb) (local.get $fc))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (f32.store (local.get $pb) (local.get $fd))
        (local.set $pb (i32.add (local.get $pb) (local.get $oN)))
        (f32.store (local.get $pb) (local.get $fe))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next1))))

  ;; One row of gemm's output: 8 columns, then 4, then 1 at a time.
  (func $rows1
    (param $a i32) (param $sAk i32) (param $B i32) (param $init i32) (param $hasInit i32)
    (param $o i32) (param $K i32) (param $N i32)
    (local $j i32) (local $k i32) (local $pa i32) (local $pb i32) (local $stepA i32) (local $stepB i32)
    (local $a0 v128) (local $a1 v128) (local $u v128) (local $fa f32)
    (local.set $stepA (i32.shl (local.get $sAk) (i32.const 2)))
    (local.set $stepB (i32.shl (local.get $N) (i32.const 2)))
    (block $done8
      (loop $next8
        (br_if $done8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $N)))
        (if (local.get $hasInit)
          (then
            (local.set $a0 (v128.load (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $a1 (v128.load offset=16 (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
          (else
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))))
        (local.set $pa (local.get $a))
        (local.set $pb (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (local.get $K))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.eqz (local.get $k)))
            (local.set $u (f32x4.splat (f32.load (local.get $pa))))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $u) (v128.load (local.get $pb)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $u) (v128.load offset=16 (local.get $pb)))))
            (local.set $pa (i32.add (local.get $pa) (local.get $stepA)))
            (local.set $pb (i32.add (local.get $pb) (local.get $stepB)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $nextK)))
        (local.set $pb (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))))
        (v128.store (local.get $pb) (local.get $a0))
        (v128.store offset=16 (local.get $pb) (local.get $a1))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $next8)))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
        (if (local.get $hasInit)
          (then (local.set $a0 (v128.load (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2))))))
          (else (local.set $a0 (v128.const i32x4 0 0 0 0))))
        (local.set $pa (local.get $a))
        (local.set $pb (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (local.get $K))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.eqz (local.get $k)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (f32x4.splat (f32.load (local.get $pa))) (v128.load (local.get $pb)))))
            (local.set $pa (i32.add (local.get $pa) (local.get $stepA)))
            (local.set $pb (i32.add (local.get $pb) (local.get $stepB)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $nextK)))
        (v128.store (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))) (local.get $a0))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next4)))
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $j) (local.get $N)))
        (local.set $fa (f32.const 0))
        (if (local.get $hasInit)
          (then (local.set $fa (f32.load (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 2)))))))
        (local.set $pa (local.get $a))
        (local.set $pb (i32.add (local.get $B) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (local.get $K))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.eqz (local.get $k)))
            (local.set $fa (f32.add (local.get $fa) (f32.mul (f32.load (local.get $pa)) (f32.load (local.get $pb)))))
            (local.set $pa (i32.add (local.get $pa) (local.get $stepA)))
            (local.set $pb (i32.add (local.get $pb) (local.get $stepB)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $nextK)))
        (f32.store (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))) (local.get $fa))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next1))))

  ;; dst[c, r] = src[r, c] for src: [rows, cols].
  (func (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $c i32) (local $ps i32) (local $pd i32) (local $stepD i32)
    (local.set $stepD (i32.shl (local.get $rows) (i32.const 2)))
    (local.set $ps (local.get $src))
    (block $doneR
      (loop $nextR
        (br_if $doneR (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $pd (i32.add (local.get $dst) (i32.shl (local.get $r) (i32.const 2))))
        (local.set $c (local.get $cols))
        (block $doneC
          (loop $nextC
            (br_if $doneC (i32.eqz (local.get $c)))
            (f32.store (local.get $pd) (f32.load (local.get $ps)))
            (local.set $ps (i32.add (local.get $ps) (i32.const 4)))
            (local.set $pd (i32.add (local.get $pd) (local.get $stepD)))
            (local.set $c (i32.sub (local.get $c) (i32.const 1)))
            (br $nextC)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $nextR))))

  ;; y[i, j] = b[j] + Σ_t val[t] · W[wOff[t] + j] over row i's non-zeros t ∈ [rowPtr[i], rowPtr[i+1]):
  ;; the first layer's forward pass from compressed rows (wOff[t] = k·N for the non-zero's column k).
  ;; Blocks of 16 columns keep 4 vector sums in registers, then 4 columns, then 1.
  (func (export "spmmRows")
    (param $rowPtr i32) (param $wOff i32) (param $val i32) (param $W i32) (param $b i32) (param $y i32)
    (param $rows i32) (param $N i32)
    (local $i i32) (local $j i32) (local $t i32) (local $start i32) (local $end i32) (local $yr i32) (local $pw i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $u v128) (local $fa f32)
    (block $doneI
      (loop $nextI
        (br_if $doneI (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $start (i32.load (i32.add (local.get $rowPtr) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $end (i32.load offset=4 (i32.add (local.get $rowPtr) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $yr (i32.add (local.get $y) (i32.shl (i32.mul (local.get $i) (local.get $N)) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $done16
          (loop $next16
            (br_if $done16 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $N)))
            (local.set $pw (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $a0 (v128.load (local.get $pw)))
            (local.set $a1 (v128.load offset=16 (local.get $pw)))
            (local.set $a2 (v128.load offset=32 (local.get $pw)))
            (local.set $a3 (v128.load offset=48 (local.get $pw)))
            (local.set $t (local.get $start))
            (block $doneT
              (loop $nextT
                (br_if $doneT (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $u (f32x4.splat (f32.load (i32.add (local.get $val) (i32.shl (local.get $t) (i32.const 2))))))
                (local.set $pw
                  (i32.add (local.get $W)
                    (i32.shl
                      (i32.add (i32.load (i32.add (local.get $wOff) (i32.shl (local.get $t) (i32.const 2)))) (local.get $j))
                      (i32.const 2))))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $u) (v128.load (local.get $pw)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $u) (v128.load offset=16 (local.get $pw)))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $u) (v128.load offset=32 (local.get $pw)))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $u) (v128.load offset=48 (local.get $pw)))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $nextT)))
            (local.set $pw (i32.add (local.get $yr) (i32.shl (local.get $j) (i32.const 2))))
            (v128.store (local.get $pw) (local.get $a0))
            (v128.store offset=16 (local.get $pw) (local.get $a1))
            (v128.store offset=32 (local.get $pw) (local.get $a2))
            (v128.store offset=48 (local.get $pw) (local.get $a3))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $next16)))
        (block $done4
          (loop $next4
            (br_if $done4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
            (local.set $a0 (v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $t (local.get $start))
            (block $doneT
              (loop $nextT
                (br_if $doneT (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $a0
                  (f32x4.add (local.get $a0)
                    (f32x4.mul
                      (f32x4.splat (f32.load (i32.add (local.get $val) (i32.shl (local.get $t) (i32.const 2)))))
                      (v128.load
                        (i32.add (local.get $W)
                          (i32.shl
                            (i32.add (i32.load (i32.add (local.get $wOff) (i32.shl (local.get $t) (i32.const 2)))) (local.get $j))
                            (i32.const 2)))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $nextT)))
            (v128.store (i32.add (local.get $yr) (i32.shl (local.get $j) (i32.const 2))) (local.get $a0))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $next4)))
        (block $done1
          (loop $next1
            (br_if $done1 (i32.ge_u (local.get $j) (local.get $N)))
            (local.set $fa (f32.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $t (local.get $start))
            (block $doneT
              (loop $nextT
                (br_if $doneT (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $fa
                  (f32.add (local.get $fa)
                    (f32.mul
                      (f32.load (i32.add (local.get $val) (i32.shl (local.get $t) (i32.const 2))))
                      (f32.load
                        (i32.add (local.get $W)
                          (i32.shl
                            (i32.add (i32.load (i32.add (local.get $wOff) (i32.shl (local.get $t) (i32.const 2)))) (local.get $j))
                            (i32.const 2)))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $nextT)))
            (f32.store (i32.add (local.get $yr) (i32.shl (local.get $j) (i32.const 2))) (local.get $fa))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $next1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextI))))

  ;; out[k, j] = Σ_t colVal[t] · G[colRow[t]·N + j] over column k's non-zeros t ∈ [colPtr[k], colPtr[k+1]):
  ;; the first layer's weight gradient xᵀ·∂y from the compressed columns of x (a column without non-zeros
  ;; gets a row of zeros). Blocks of 16 columns of out, then 4, then 1.
  (func (export "spmmCols")
    (param $colPtr i32) (param $colRow i32) (param $colVal i32) (param $G i32) (param $out i32)
    (param $nIn i32) (param $N i32)
    (local $k i32) (local $j i32) (local $t i32) (local $start i32) (local $end i32) (local $or i32) (local $pg i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $u v128) (local $fa f32)
    (block $doneK
      (loop $nextK
        (br_if $doneK (i32.ge_u (local.get $k) (local.get $nIn)))
        (local.set $start (i32.load (i32.add (local.get $colPtr) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $end (i32.load offset=4 (i32.add (local.get $colPtr) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $or (i32.add (local.get $out) (i32.shl (i32.mul (local.get $k) (local.get $N)) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $done16
          (loop $next16
            (br_if $done16 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $N)))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0))
            (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $t (local.get $start))
            (block $doneT
              (loop $nextT
                (br_if $doneT (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $u (f32x4.splat (f32.load (i32.add (local.get $colVal) (i32.shl (local.get $t) (i32.const 2))))))
                (local.set $pg
                  (i32.add (local.get $G)
                    (i32.shl
                      (i32.add
                        (i32.mul (i32.load (i32.add (local.get $colRow) (i32.shl (local.get $t) (i32.const 2)))) (local.get $N))
                        (local.get $j))
                      (i32.const 2))))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $u) (v128.load (local.get $pg)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $u) (v128.load offset=16 (local.get $pg)))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $u) (v128.load offset=32 (local.get $pg)))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $u) (v128.load offset=48 (local.get $pg)))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $nextT)))
            (local.set $pg (i32.add (local.get $or) (i32.shl (local.get $j) (i32.const 2))))
            (v128.store (local.get $pg) (local.get $a0))
            (v128.store offset=16 (local.get $pg) (local.get $a1))
            (v128.store offset=32 (local.get $pg) (local.get $a2))
            (v128.store offset=48 (local.get $pg) (local.get $a3))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $next16)))
        (block $done4
          (loop $next4
            (br_if $done4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $t (local.get $start))
            (block $doneT
              (loop $nextT
                (br_if $doneT (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $a0
                  (f32x4.add (local.get $a0)
                    (f32x4.mul
                      (f32x4.splat (f32.load (i32.add (local.get $colVal) (i32.shl (local.get $t) (i32.const 2)))))
                      (v128.load
                        (i32.add (local.get $G)
                          (i32.shl
                            (i32.add
                              (i32.mul (i32.load (i32.add (local.get $colRow) (i32.shl (local.get $t) (i32.const 2)))) (local.get $N))
                              (local.get $j))
                            (i32.const 2)))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $nextT)))
            (v128.store (i32.add (local.get $or) (i32.shl (local.get $j) (i32.const 2))) (local.get $a0))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $next4)))
        (block $done1
          (loop $next1
            (br_if $done1 (i32.ge_u (local.get $j) (local.get $N)))
            (local.set $fa (f32.const 0))
            (local.set $t (local.get $start))
            (block $doneT
              (loop $nextT
                (br_if $doneT (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $fa
                  (f32.add (local.get $fa)
                    (f32.mul
                      (f32.load (i32.add (local.get $colVal) (i32.shl (local.get $t) (i32.const 2))))
                      (f32.load
                        (i32.add (local.get $G)
                          (i32.shl
                            (i32.add
                              (i32.mul (i32.load (i32.add (local.get $colRow) (i32.shl (local.get $t) (i32.const 2)))) (local.get $N))
                              (local.get $j))
                            (i32.const 2)))))))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $nextT)))
            (f32.store (i32.add (local.get $or) (i32.shl (local.get $j) (i32.const 2))) (local.get $fa))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $next1)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $nextK))))
  ;; dst[i] = sigmoid(src[i]) for i < n (rounded up to a multiple of 4: the scratch pads every region).
  ;; Each float32 is widened to float64 and run through detMath.ts's exp step for step (msun's reduction
  ;; by ln 2 and its polynomial, Math.round's ties toward +∞), then rounded back: the same bits as the
  ;; JavaScript sigmoid's on a Float32Array.
  (func (export "sigmoid") (param $src i32) (param $dst i32) (param $n i32)
    (local $p i32) (local $end i32) (local $v v128)
    (local.set $p (local.get $src))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $dst (i32.sub (local.get $dst) (local.get $src)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (v128.store (i32.add (local.get $p) (local.get $dst))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero (call $sigmoid2 (f64x2.promote_low_f32x4 (local.get $v))))
            (f32x4.demote_f64x2_zero (call $sigmoid2 (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next))))

  ;; sigmoid of two float64 lanes: 1/(1 + e) for x ≥ 0 and e/(1 + e) below, with e = exp(−|x|).
  ;; Below −120 the argument is clamped: e is then under 1e−52 either way, and both results round to the
  ;; same float32 (0 or 1) as the unclamped ones.
  (func $sigmoid2 (param $x v128) (result v128)
    (local $a v128) (local $v v128) (local $k v128) (local $hi v128) (local $lo v128) (local $r v128)
    (local $t v128) (local $c v128) (local $y v128) (local $e v128) (local $one v128)
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $a (f64x2.max (f64x2.neg (f64x2.abs (local.get $x))) (f64x2.splat (f64.const -120))))
    ;; k = Math.round(a / ln 2): floor, plus one where the fraction is at least a half.
    (local.set $v (f64x2.mul (local.get $a) (f64x2.splat (f64.const 1.44269504088896338700))))
    (local.set $k (f64x2.floor (local.get $v)))
    (local.set $k (f64x2.add (local.get $k)
      (v128.and (f64x2.ge (f64x2.sub (local.get $v) (local.get $k)) (f64x2.splat (f64.const 0.5))) (local.get $one))))
    (local.set $hi (f64x2.sub (local.get $a) (f64x2.mul (local.get $k) (f64x2.splat (f64.const 6.93147180369123816490e-1)))))
    (local.set $lo (f64x2.mul (local.get $k) (f64x2.splat (f64.const 1.90821492927058770002e-10))))
    (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
    (local.set $t (f64x2.mul (local.get $r) (local.get $r)))
    (local.set $c
      (f64x2.sub (local.get $r)
        (f64x2.mul (local.get $t)
          (f64x2.add (f64x2.splat (f64.const 1.66666666666666019037e-1))
            (f64x2.mul (local.get $t)
              (f64x2.add (f64x2.splat (f64.const -2.77777777770155933842e-3))
                (f64x2.mul (local.get $t)
                  (f64x2.add (f64x2.splat (f64.const 6.61375632143793436117e-5))
                    (f64x2.mul (local.get $t)
                      (f64x2.add (f64x2.splat (f64.const -1.65339022054652515390e-6))
                        (f64x2.mul (local.get $t) (f64x2.splat (f64.const 4.13813679705723846039e-8)))))))))))))
    (local.set $y
      (f64x2.sub (local.get $one)
        (f64x2.sub
          (f64x2.sub (local.get $lo)
            (f64x2.div (f64x2.mul (local.get $r) (local.get $c)) (f64x2.sub (f64x2.splat (f64.const 2)) (local.get $c))))
          (local.get $hi))))
    ;; e = y·2^k, 2^k built from its bits; for |a| < 2^−28, e = 1 + a as in detMath.
    (local.set $e
      (f64x2.mul (local.get $y)
        (i64x2.shl
          (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $k))) (i64x2.splat (i64.const 1023)))
          (i32.const 52))))
    (local.set $e
      (v128.bitselect
        (f64x2.add (local.get $one) (local.get $a))
        (local.get $e)
        (f64x2.gt (local.get $a) (f64x2.splat (f64.const -3.7252902984e-9)))))
    (f64x2.div
      (v128.bitselect (local.get $one) (local.get $e) (f64x2.ge (local.get $x) (f64x2.splat (f64.const 0))))
      (f64x2.add (local.get $one) (local.get $e))))
)
